package io.piha.service.config;

import io.piha.api.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Recovery duties of seed 002 ({@code recovery:} of the control-plane file, and {@code supervisor:} and
 * {@code reinstall:} of each host): HAOS backups and a Git snapshot of the configuration pulled and staged for
 * restore, and the limits of scripted reinstalls.
 *
 * @param stagingDir where staged backups ({@code haos/<host>/}) and the config snapshot ({@code config/}) live
 *     (default {@value #DEFAULT_STAGING_DIR})
 * @param keep how many staged HAOS backups to keep per host (default 3)
 * @param snapshotBranch the branch of the sync repository a config snapshot takes (default {@code main})
 * @param reinstall the guards of scripted reinstalls
 * @param backupEvery how often the control plane pulls a new backup of each host with a Supervisor; empty: never
 *     (only {@code piha haos backup pull})
 * @since 0.1
 */
public record RecoveryConfig(Path stagingDir, int keep, String snapshotBranch, ReinstallLimits reinstall,
                             Optional<Duration> backupEvery) {

    /** Default staging directory. */
    public static final String DEFAULT_STAGING_DIR = "/var/lib/piha/staging";

    /** @throws NullPointerException if a component is null */
    public RecoveryConfig {
        Objects.requireNonNull(stagingDir, "stagingDir");
        Objects.requireNonNull(snapshotBranch, "snapshotBranch");
        Objects.requireNonNull(reinstall, "reinstall");
        Objects.requireNonNull(backupEvery, "backupEvery");
    }

    /** The defaults, as when the file has no {@code recovery:} section. */
    public static RecoveryConfig defaults() {
        return new RecoveryConfig(Path.of(DEFAULT_STAGING_DIR), 3, "main", ReinstallLimits.defaults(), Optional.empty());
    }

    /**
     * How often hosts may be reinstalled: the same guards as a PoE action.
     *
     * @param cooldown least time between two reinstalls of a host (default 24 h)
     * @param limit most reinstalls of all hosts within {@code window} (default 2)
     * @param window the window of {@code limit} (default 24 h)
     * @param protectedHosts hosts never reinstalled (e.g. the NAS)
     */
    public record ReinstallLimits(Duration cooldown, int limit, Duration window, Set<String> protectedHosts) {
        /** @throws NullPointerException if a component is null */
        public ReinstallLimits {
            Objects.requireNonNull(cooldown, "cooldown");
            Objects.requireNonNull(window, "window");
            protectedHosts = Set.copyOf(protectedHosts);
        }

        /** 24 h cooldown, 2 per 24 h, nothing protected. */
        public static ReinstallLimits defaults() {
            return new ReinstallLimits(Duration.ofHours(24), 2, Duration.ofHours(24), Set.of());
        }
    }

    /**
     * How the control plane reaches a HAOS host's Supervisor API for backups ({@code supervisor:} of a host).
     *
     * @param url the API through Home Assistant's proxy, e.g. {@code http://haos-primary:8123/api/hassio/}
     * @param token a long-lived access token of an administrator
     * @param timeout per request (default 30 s)
     * @param createTimeout how long creating a full backup may take (default 30 min)
     */
    public record Supervisor(URI url, Secret token, Duration timeout, Duration createTimeout) {
        /** @throws NullPointerException if a component is null */
        public Supervisor {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(createTimeout, "createTimeout");
        }
    }

    /**
     * The scripted reinstall of a host ({@code reinstall:} of a host): a command or a URL, exactly one.
     *
     * @param command the program and its arguments, run on the control plane's machine; empty for a URL
     * @param url a URL that starts it on {@code POST}; empty for a command
     * @param token sent to the URL as {@code Bearer}, if any
     * @param timeout how long the command may run or the URL may take to answer (default 30 min)
     */
    public record Reinstall(List<String> command, Optional<URI> url, Optional<Secret> token, Duration timeout) {
        /** @throws IllegalArgumentException unless exactly one of command and url is given */
        public Reinstall {
            command = List.copyOf(command);
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(timeout, "timeout");
            if (command.isEmpty() == url.isEmpty()) {
                throw new IllegalArgumentException("a reinstall needs exactly one of command and url");
            }
        }
    }
}
