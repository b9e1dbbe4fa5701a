package io.piha.service.config;

import io.piha.api.leadership.ServiceName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Config sync as the control plane runs it ({@code sync:} of the control-plane file): the primary's Home
 * Assistant configuration repository mirrored to the standby branch after the observation window.
 *
 * @param service the service whose configuration is mirrored (default the first service)
 * @param repository the repository: a local path (the bare repository on the NAS) or a {@code file://},
 *     {@code ssh://} or {@code https://} URI
 * @param cache where a remote repository is fetched to; empty for a local path (default {@code <state>/sync-cache})
 * @param primaryBranch the branch the primary pushes to (default {@code main})
 * @param standbyBranch the branch the standby reads (default {@code standby})
 * @param window the observation window (default 24 h)
 * @param checkEvery how often the control plane tries to sync (default 10 min)
 * @param forbiddenPaths globs refused besides the defaults (e.g. {@code zigbee2mqtt/database.db})
 * @since 0.1
 */
public record ConfigSyncSettings(ServiceName service, String repository, Optional<Path> cache, String primaryBranch,
                         String standbyBranch, Duration window, Duration checkEvery, List<String> forbiddenPaths) {

    /** Default observation window. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    /** Default interval between sync attempts. */
    public static final Duration DEFAULT_CHECK_EVERY = Duration.ofMinutes(10);

    /** @throws NullPointerException if a component is null */
    public ConfigSyncSettings {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(primaryBranch, "primaryBranch");
        Objects.requireNonNull(standbyBranch, "standbyBranch");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(checkEvery, "checkEvery");
        forbiddenPaths = List.copyOf(forbiddenPaths);
    }

    /** Whether the repository is reached by a URI (fetched to the cache) rather than a local path. */
    public boolean remote() {
        return repository.matches("(?i)(file|ssh|https?)://.*") || repository.matches("[^/]+@[^:]+:.*");
    }

    /**
     * The standby's side of config sync ({@code sync:} of an agent file): the standby branch checked out where Home
     * Assistant reads it, on every sync and before the host takes leadership.
     *
     * @param repository a local repository holding the standby branch (the NAS repository on a mount)
     * @param branch the standby branch (default {@code standby})
     * @param checkout where {@code current}, {@code previous} and {@code trees/} are kept; Home Assistant reads
     *     its configuration through {@code <checkout>/current}
     */
    public record Standby(Path repository, String branch, Path checkout) {
        /** @throws NullPointerException if a component is null */
        public Standby {
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(checkout, "checkout");
        }
    }
}
