package io.piha.runtime.internal;

import io.piha.api.alert.Alert;
import io.piha.api.alert.Severity;
import io.piha.api.sync.Incident;
import io.piha.api.sync.IncidentKind;
import io.piha.api.sync.IncidentLog;
import java.util.Optional;

/**
 * Turns the control plane's alerts into the incidents config sync waits on: a missed heartbeat, a failed
 * probe (the PoE reset that follows it), an automatic failover. An incident restarts the observation window,
 * so a standby never receives a configuration the primary ran for less than a full quiet window.
 */
public final class IncidentFeed {

    private IncidentFeed() {
    }

    public static Optional<Incident> of(Alert a, String source) {
        IncidentKind kind;
        switch (a.code()) {
            case "heartbeat_missed":
                kind = IncidentKind.HEARTBEAT_MISSED;
                break;
            case "poe_reset":
            case "heartbeat_missing_host_up":
                kind = IncidentKind.PROBE_FAILURE;
                break;
            case "leadership_changed":
                // a manual promote or a hand-back is INFO: planned, not an incident
                if (a.severity() == Severity.INFO) {
                    return Optional.empty();
                }
                kind = IncidentKind.FAILOVER;
                break;
            default:
                return Optional.empty();
        }
        return Optional.of(new Incident(kind, a.timestamp(), source, a.message()));
    }

    public static void record(IncidentLog log, Alert a, String source) {
        of(a, source).ifPresent(log::record);
    }
}
