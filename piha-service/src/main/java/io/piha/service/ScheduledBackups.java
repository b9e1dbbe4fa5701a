package io.piha.service;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertSink;
import io.piha.api.alert.Severity;
import io.piha.api.audit.AuditEntry;
import io.piha.api.audit.AuditLog;
import io.piha.http.haos.StagedBackup;
import io.piha.service.config.ControlPlaneConfig;
import io.piha.service.config.HostConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane's own backup duty ({@code recovery.backup_every}): every period, a new full backup of each HAOS
 * host with a {@code supervisor:} is pulled, verified and staged ({@link Recovery#staging}). A failure is an alert
 * ({@value #FAILED}, critical, naming the host) and an audit entry; what was staged before is kept.
 */
final class ScheduledBackups {

    /** The alert code of a scheduled pull that failed. */
    static final String FAILED = "haos_backup_failed";

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackups.class);

    private final ControlPlaneConfig config;
    private final Clock clock;
    private final AuditLog audit;
    private final AlertSink alerts;

    ScheduledBackups(ControlPlaneConfig config, Clock clock, AuditLog audit, AlertSink alerts) {
        this.config = config;
        this.clock = clock;
        this.audit = audit;
        this.alerts = alerts;
    }

    /** Schedules the pulls on {@code executor} when {@code recovery.backup_every} is set and a host has a Supervisor. */
    void start(ScheduledExecutorService executor) {
        List<String> hosts = hosts();
        config.recovery().backupEvery().filter(every -> !hosts.isEmpty()).ifPresent(every -> {
            LOG.info("HAOS backups of {} every {}", hosts, every);
            executor.scheduleWithFixedDelay(this::pullAll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    /** Pulls a new backup of every host with a Supervisor, once; one host's failure does not stop the others. */
    void pullAll() {
        for (String host : hosts()) {
            try {
                StagedBackup staged = Recovery.staging(config, host).pullNew(Recovery.supervisor(config, host),
                        "piha " + clock.instant());
                record(host, AuditEntry.Outcome.ACCEPTED, "staged " + staged.slug() + " (" + staged.bytes() + " bytes)");
            } catch (RuntimeException e) {
                LOG.error("HAOS backup of {} failed: {}", host, e.getMessage());
                record(host, AuditEntry.Outcome.FAILED, e.getMessage());
                alerts.send(new Alert(clock.instant(), FAILED, Severity.CRITICAL, host, "scheduled HAOS backup of "
                        + host + " failed (the backups staged before are kept): " + e.getMessage(), Map.of()));
            }
        }
    }

    private List<String> hosts() {
        return config.hosts().stream().filter(h -> h.supervisor().isPresent()).map(HostConfig::id)
                .map(id -> id.value()).toList();
    }

    private void record(String host, AuditEntry.Outcome outcome, String reason) {
        audit.record(new AuditEntry(clock.instant(), config.actor(), "haos_backup", host, outcome,
                reason == null ? "unknown" : reason, Map.of("every", config.recovery().backupEvery()
                .map(Duration::toString).orElse("-"))));
    }
}
