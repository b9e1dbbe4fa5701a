package io.piha.sync;

import io.piha.api.sync.CommitId;
import io.piha.sync.internal.ConfigRepository;
import io.piha.sync.internal.LocalConfigRepository;
import io.piha.sync.internal.RemoteConfigRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.Transport;

/**
 * A Git snapshot of the Home Assistant configuration staged for restore: the head of a branch (the primary's
 * {@code main} by default, not the delayed {@code standby}) checked out under {@code root/trees/<commit>} with
 * {@code root/current} pointing at it and {@code root/previous} at the snapshot before. It is the
 * {@link StandbyCheckout} of that branch, after a fetch into the cache when the repository is remote (the same
 * fetch {@link GitConfigSync#remote} does), so a snapshot is whole or not taken, and the one before is kept.
 *
 * @since 0.1
 */
public final class ConfigSnapshot {

    private final ConfigRepository repository;
    private final String branch;
    private final Path root;

    private ConfigSnapshot(ConfigRepository repository, String branch, Path root) {
        this.repository = repository;
        this.branch = Objects.requireNonNull(branch, "branch");
        this.root = Objects.requireNonNull(root, "root");
    }

    /** Snapshots {@code branch} of the repository at {@code repository} (bare, or a working tree) into {@code root}. */
    public static ConfigSnapshot of(Path repository, String branch, Path root) {
        return new ConfigSnapshot(new LocalConfigRepository(Objects.requireNonNull(repository, "repository")), branch,
                root);
    }

    /**
     * Snapshots {@code branch} of a remote repository, fetched into the bare cache at {@code cache} first.
     *
     * @param transport configures each transport (SSH keys, HTTPS credentials), as {@link GitConfigSync.Builder#transport}
     * @throws IllegalArgumentException naming the URI (without credentials) if it cannot be parsed
     */
    public static ConfigSnapshot remote(String uri, Path cache, Consumer<Transport> transport, String branch,
                                        Path root) {
        return new ConfigSnapshot(new RemoteConfigRepository(GitConfigSync.parse(uri),
                Objects.requireNonNull(cache, "cache"), Objects.requireNonNull(transport, "transport")), branch, root);
    }

    /**
     * Takes the snapshot: fetches if remote, then makes {@code current} show the branch's head.
     *
     * @return the commit now staged
     * @throws StandbyCheckoutException naming the repository, branch or path if it cannot; what was staged is kept
     */
    public CommitId take() {
        try (Repository repo = repository.open()) {
            return StandbyCheckout.ofRef(repo.getDirectory().toPath(), repository.ref(branch), root).apply();
        } catch (IOException | RuntimeException e) {
            if (e instanceof StandbyCheckoutException s) {
                throw s;
            }
            throw new StandbyCheckoutException("cannot snapshot branch " + branch + " of " + repository.describe()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The staged snapshot, as a restore reads it. */
    public Path live() {
        return root.resolve("current");
    }
}
