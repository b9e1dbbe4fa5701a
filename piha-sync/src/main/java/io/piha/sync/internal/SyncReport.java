package io.piha.sync.internal;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertSink;
import io.piha.api.alert.Severity;
import io.piha.api.audit.AuditEntry;
import io.piha.api.audit.AuditLog;
import io.piha.api.sync.SyncEvent;
import io.piha.api.sync.SyncListener;
import io.piha.api.sync.SyncOutcome;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells everyone what an attempt did: the listener hears every outcome, refusals and blocks are alerted, and
 * moves, forced attempts, refusals and blocks are audited (a quiet scheduled pending or up-to-date is not).
 */
public final class SyncReport {

    private static final Logger LOG = LoggerFactory.getLogger(SyncReport.class);

    private final String service;
    private final AlertSink alerts;
    private final AuditLog audit;
    private final SyncListener listener;

    public SyncReport(String service, AlertSink alerts, AuditLog audit, SyncListener listener) {
        this.service = service;
        this.alerts = alerts;
        this.audit = audit;
        this.listener = listener;
    }

    /**
     * @param details per forbidden path, why (for the alert)
     * @return the event published
     */
    public SyncEvent attempt(SyncMode mode, String actor, Instant now, SyncOutcome outcome,
                             Map<String, String> details) {
        SyncEvent event = new SyncEvent(now, actor, outcome);
        LOG.info("config sync of {} ({} by {}): {}", service, mode, actor, outcome.describe());
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("sync listener failed for {}: {}", service, e.toString());
        }
        if (outcome instanceof SyncOutcome.Refused refused) {
            alerts.send(new Alert(now, "sync_forbidden_paths", Severity.CRITICAL, service,
                    "config sync of " + service + " refused commit " + refused.commit()
                            + ": it adds or changes files that must never reach a standby: "
                            + String.join(", ", refused.paths()), details));
        } else if (outcome instanceof SyncOutcome.Blocked blocked) {
            alerts.send(Alert.of(now, "sync_blocked", Severity.CRITICAL, service,
                    "config sync of " + service + " blocked: " + blocked.reason()));
        }
        boolean moved = outcome instanceof SyncOutcome.Synced;
        boolean failed = outcome instanceof SyncOutcome.Refused || outcome instanceof SyncOutcome.Blocked;
        if (mode != SyncMode.SCHEDULED || moved || failed) {
            audit(now, actor, mode == SyncMode.SCHEDULED ? "sync" : "sync_force", auditOutcome(outcome),
                    outcome.describe(), Map.of("mode", mode.name()));
        }
        return event;
    }

    /** Audits one decision about {@link #service}. */
    public void audit(Instant now, String actor, String action, AuditEntry.Outcome outcome, String reason,
                      Map<String, String> details) {
        audit.record(new AuditEntry(now, actor, action, service, outcome, reason, details));
    }

    private static AuditEntry.Outcome auditOutcome(SyncOutcome outcome) {
        if (outcome.isHealthy()) {
            return AuditEntry.Outcome.ACCEPTED;
        }
        return outcome instanceof SyncOutcome.Blocked ? AuditEntry.Outcome.FAILED : AuditEntry.Outcome.REFUSED;
    }
}
