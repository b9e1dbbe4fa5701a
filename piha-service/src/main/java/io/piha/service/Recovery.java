package io.piha.service;

import io.piha.api.alert.AlertSink;
import io.piha.api.audit.AuditLog;
import io.piha.api.leadership.HostId;
import io.piha.api.recovery.ReinstallTrigger;
import io.piha.http.actuator.ReinstallTriggers;
import io.piha.http.haos.BackupStaging;
import io.piha.http.haos.SupervisorBackups;
import io.piha.poe.safety.GuardedReinstall;
import io.piha.poe.safety.SafetyConfig;
import io.piha.poe.safety.SafetyLedger;
import io.piha.service.config.ConfigSyncSettings;
import io.piha.service.config.ControlPlaneConfig;
import io.piha.service.config.HostConfig;
import io.piha.service.config.RecoveryConfig;
import io.piha.sync.ConfigSnapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The recovery duties of seed 002 as configured: a host's HAOS backups and their staging directory, the Git
 * snapshot of the configuration, and the guarded reinstall of hosts. The one place a {@link RecoveryConfig} and a
 * host's {@code supervisor:} and {@code reinstall:} become the adapters, for the control plane and the CLI alike.
 *
 * @since 0.1
 */
public final class Recovery {

    /** The reinstall ledger's file name in the state directory, shared by every process. */
    public static final String REINSTALL_LEDGER = "reinstall-ledger";

    private Recovery() {
    }

    /**
     * The Supervisor API of a configured host.
     *
     * @throws IllegalArgumentException naming the host if it is unknown or has no {@code supervisor:}
     */
    public static SupervisorBackups supervisor(ControlPlaneConfig cfg, String host) {
        HostConfig h = host(cfg, host);
        RecoveryConfig.Supervisor s = h.supervisor().orElseThrow(() -> new IllegalArgumentException("host " + host
                + " has no supervisor: section (its Supervisor API url and token); add one to pull HAOS backups"));
        return new SupervisorBackups(host, s.url(), s.token(), s.timeout(), s.createTimeout());
    }

    /** The staging directory of a host's HAOS backups, {@code <staging_dir>/haos/<host>}, keeping {@code keep}. */
    public static BackupStaging staging(ControlPlaneConfig cfg, String host) {
        RecoveryConfig r = cfg.recovery();
        return new BackupStaging(r.stagingDir().resolve("haos").resolve(host(cfg, host).id().value()), r.keep());
    }

    /**
     * The Git snapshot of the configuration: the {@code snapshot_branch} of the {@code sync:} repository, staged in
     * {@code <staging_dir>/config}; a remote repository is fetched to {@code <state>/snapshot-cache}.
     *
     * @throws IllegalArgumentException if the file has no {@code sync:} section
     */
    public static ConfigSnapshot snapshot(ControlPlaneConfig cfg, Path stateDir) {
        ConfigSyncSettings sync = cfg.sync().orElseThrow(() -> new IllegalArgumentException("the configuration has "
                + "no sync: section, so no repository to snapshot; add one (see docs/configuration.md)"));
        Path root = cfg.recovery().stagingDir().resolve("config");
        String branch = cfg.recovery().snapshotBranch();
        return sync.remote()
                ? ConfigSnapshot.remote(sync.repository(), stateDir.resolve("snapshot-cache"), t -> { }, branch, root)
                : ConfigSnapshot.of(Path.of(sync.repository()), branch, root);
    }

    /**
     * The guarded reinstall of every host with a {@code reinstall:}, with {@code recovery.reinstall}'s limits and
     * the ledger {@value #REINSTALL_LEDGER} in {@code stateDir}.
     */
    public static GuardedReinstall reinstall(ControlPlaneConfig cfg, Path stateDir, boolean dryRun, Clock clock,
                                             AuditLog audit, AlertSink alerts) {
        Map<String, ReinstallTrigger> triggers = new HashMap<>();
        for (HostConfig h : cfg.hosts()) {
            h.reinstall().ifPresent(r -> triggers.put(h.id().value(), trigger(h.id().value(), r)));
        }
        return new GuardedReinstall(triggers, safety(cfg.recovery().reinstall(), dryRun),
                SafetyLedger.open(stateDir.resolve(REINSTALL_LEDGER)), clock, audit, alerts);
    }

    static SafetyConfig safety(RecoveryConfig.ReinstallLimits limits, boolean dryRun) {
        return SafetyConfig.custom().portCooldown(limits.cooldown())
                .rateLimits(limits.limit(), limits.limit(), limits.window())
                .protectedLabels(limits.protectedHosts()).dryRun(dryRun).build();
    }

    private static ReinstallTrigger trigger(String host, RecoveryConfig.Reinstall r) {
        return r.url().isPresent() ? ReinstallTriggers.url(host, r.url().get(), r.token(), r.timeout())
                : ReinstallTriggers.command(host, r.command(), r.timeout());
    }

    private static HostConfig host(ControlPlaneConfig cfg, String host) {
        return cfg.host(HostId.of(host)).orElseThrow(() -> new IllegalArgumentException("unknown host '" + host
                + "': configured hosts are " + cfg.hosts().stream().map(x -> x.id().value()).toList()));
    }
}
