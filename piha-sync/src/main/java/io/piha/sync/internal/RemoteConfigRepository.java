package io.piha.sync.internal;

import io.piha.api.sync.CommitId;
import io.piha.api.sync.SyncFreeze;
import io.piha.api.sync.SyncOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;

/**
 * A repository reached by {@code file://}, {@code ssh://} or {@code https://}: fetched into a local bare
 * cache before every read, and written by push with the expected old id and without force, so the remote
 * does the compare-and-swap.
 */
public final class RemoteConfigRepository implements ConfigRepository {

    private static final String BRANCHES = "refs/remotes/nas/";
    private static final String PIHA = "refs/remotes/nas-piha/";

    private final URIish uri;
    private final Path cache;
    private final Consumer<Transport> configure;

    public RemoteConfigRepository(URIish uri, Path cache, Consumer<Transport> configure) {
        this.uri = uri;
        this.cache = cache;
        this.configure = configure;
    }

    @Override
    public Repository open() throws IOException {
        Repository repo = openCache();
        try (Transport t = transport(repo)) {
            t.setRemoveDeletedRefs(true);
            t.fetch(NullProgressMonitor.INSTANCE, List.of(new RefSpec("+refs/heads/*:" + BRANCHES + "*"),
                    new RefSpec("+refs/piha/*:" + PIHA + "*")));
            return repo;
        } catch (IOException | RuntimeException e) {
            repo.close();
            throw new SyncBlockedException("cannot fetch from " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String ref(String branch) {
        return BRANCHES + branch;
    }

    @Override
    public String freezeRef() {
        return PIHA + GitFreezeStore.REF.substring("refs/piha/".length());
    }

    @Override
    public SyncOutcome moveBranch(Repository local, RevWalk walk, String branch, Optional<ObjectId> expected,
                                  ObjectId target, String actor, Instant now) {
        String remoteRef = "refs/heads/" + branch;
        String move = describe() + " " + remoteRef + " " + expected.map(ObjectId::name).orElse("(absent)") + " -> "
                + target.name();
        try {
            RemoteRefUpdate pushed = push(local, target, remoteRef, false, ref(branch), expected);
            RemoteRefUpdate.Status status = pushed.getStatus();
            return switch (status) {
                case OK -> new SyncOutcome.Synced(expected.map(id -> new CommitId(id.name())),
                        new CommitId(target.name()), actor);
                case UP_TO_DATE -> new SyncOutcome.UpToDate(new CommitId(target.name()));
                case REJECTED_NONFASTFORWARD -> new SyncOutcome.Blocked("not a fast-forward: " + move + " refused");
                case REJECTED_REMOTE_CHANGED -> new SyncOutcome.Blocked("concurrent change of " + move
                        + ": the remote branch moved since it was fetched; nothing was changed");
                case NON_EXISTING, REJECTED_NODELETE, REJECTED_OTHER_REASON, NOT_ATTEMPTED, AWAITING_REPORT ->
                        new SyncOutcome.Blocked("push refused (" + status + "): " + move
                                + Optional.ofNullable(pushed.getMessage()).map(m -> ": " + m).orElse(""));
            };
        } catch (IOException | RuntimeException e) {
            return new SyncOutcome.Blocked("cannot push " + move + ": " + e.getMessage());
        }
    }

    @Override
    public void writeFreeze(Optional<SyncFreeze> freeze) throws IOException {
        try (Repository local = open()) {
            ObjectId blob = GitFreezeStore.insert(local, freeze);
            Optional<ObjectId> current = Optional.ofNullable(local.exactRef(freezeRef())).map(Ref::getObjectId);
            // A blob cannot fast-forward; the expected old id still guards concurrent writers.
            RemoteRefUpdate.Status status = push(local, blob, GitFreezeStore.REF, true, freezeRef(), current)
                    .getStatus();
            if (status != RemoteRefUpdate.Status.OK && status != RemoteRefUpdate.Status.UP_TO_DATE) {
                throw new IOException("cannot store the freeze in " + describe() + " " + GitFreezeStore.REF + ": "
                        + status);
            }
        }
    }

    @Override
    public String describe() {
        return uri.setPass(null).toString();
    }

    private RemoteRefUpdate push(Repository local, ObjectId id, String remoteRef, boolean force,
                                        String trackingRef, Optional<ObjectId> expected) throws IOException {
        try (Transport t = transport(local)) {
            RemoteRefUpdate update = new RemoteRefUpdate(local, null, id, remoteRef, force, trackingRef,
                    expected.orElse(ObjectId.zeroId()));
            PushResult result = t.push(NullProgressMonitor.INSTANCE, List.of(update));
            return result.getRemoteUpdate(remoteRef);
        }
    }

    private Transport transport(Repository repo) throws IOException {
        Transport t = Transport.open(repo, uri);
        configure.accept(t);
        return t;
    }

    private Repository openCache() throws IOException {
        try {
            return new FileRepositoryBuilder().setGitDir(cache.toFile()).setMustExist(true).build();
        } catch (RepositoryNotFoundException e) {
            Files.createDirectories(cache);
            Repository repo = new FileRepositoryBuilder().setGitDir(cache.toFile()).setBare().build();
            repo.create(true);
            return repo;
        }
    }
}
