package io.piha.poe.safety;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertSink;
import io.piha.api.alert.Severity;
import io.piha.api.audit.AuditEntry;
import io.piha.api.audit.AuditLog;
import io.piha.api.recovery.PlannedRequest;
import io.piha.poe.safety.RecoveryOutcome.Done;
import io.piha.poe.safety.RecoveryOutcome.Failed;
import io.piha.poe.safety.RecoveryOutcome.Planned;
import io.piha.poe.safety.RecoveryOutcome.Refused;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audit entries, alerts and log lines of one guarded switch (or of the guarded reinstalls, named {@code reinstall}),
 * in one place so none is forgotten.
 */
final class SafetyEvents {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedSwitch.class);

    private final String switchName;
    private final Clock clock;
    private final AuditLog audit;
    private final AlertSink alerts;
    private final String codePrefix;

    SafetyEvents(String switchName, Clock clock, AuditLog audit, AlertSink alerts) {
        this(switchName, "poe", clock, audit, alerts);
    }

    /** @param codePrefix of the alert codes: {@code poe} for a switch, {@code reinstall} for reinstalls */
    SafetyEvents(String switchName, String codePrefix, Clock clock, AuditLog audit, AlertSink alerts) {
        this.codePrefix = codePrefix;
        this.switchName = switchName;
        this.clock = clock;
        this.audit = audit;
        this.alerts = alerts;
    }

    void accepted(String action, RecoveryRequest request) {
        LOG.info("{}: {} accepted for {} ({})", subject(request.label()), action, request.actor(),
                request.reason());
        record(action, request, AuditEntry.Outcome.ACCEPTED, request.reason(), Map.of("phase", "intent"));
    }

    Refused refused(String action, RecoveryRequest request, Refused refused) {
        LOG.warn("{}: {} refused: {} {}", subject(request.label()), action, refused.rule(),
                refused.reason());
        record(action, request, AuditEntry.Outcome.REFUSED, refused.reason(), Map.of("rule", refused.rule().name()));
        alert(codePrefix + "_action_refused", Severity.WARNING, request, action + " refused by " + refused.rule() + ": "
                + refused.reason());
        return refused;
    }

    Planned planned(String action, RecoveryRequest request, List<PlannedRequest> requests) {
        String text = requests.stream().map(PlannedRequest::toString).collect(Collectors.joining("\n  "));
        LOG.info("{}: dry run of {} would send:\n  {}", subject(request.label()), action, text);
        record(action, request, AuditEntry.Outcome.PLANNED, "dry run: nothing sent", Map.of("dry_run", text));
        return new Planned(switchName, request.label(), requests);
    }

    Done done(String action, RecoveryRequest request, Done done) {
        LOG.info("{}: {} done, verified {} in {}", subject(request.label()), action,
                done.verified(), done.took());
        record(action, request, AuditEntry.Outcome.ACCEPTED, "done, verified " + done.verified(),
                Map.of("phase", "result", "took", done.took().toString()));
        return done;
    }

    Failed failed(String action, RecoveryRequest request, Failed failed) {
        LOG.error("{}: {} failed at {}: {}{}", subject(request.label()), action, failed.stage(),
                failed.reason(), codePrefix.equals("poe") ? " (" + failed.port().describe() + ")" : "");
        record(action, request, AuditEntry.Outcome.FAILED, failed.reason(), Map.of("phase", "result",
                "stage", failed.stage().name(), "port_after", failed.port().name().toLowerCase(java.util.Locale.ROOT),
                "port_left_off", Boolean.toString(failed.portLeftOff())));
        String what = action + " failed at " + failed.stage()
                + (codePrefix.equals("poe") ? "; " + failed.port().describe() : "");
        String code = !codePrefix.equals("poe") ? codePrefix + "_failed" : switch (failed.port()) {
            case LEFT_OFF -> "poe_port_left_off";
            case UNKNOWN -> "poe_port_state_unknown";
            case ON, UNTOUCHED -> "poe_recovery_failed";
        };
        String journal = failed.portLeftOff() || failed.port() == RecoveryOutcome.PortAfter.UNKNOWN
                ? " (journalled: start-up switches it on)" : "";
        alert(code, Severity.CRITICAL, request, what + journal + ": " + failed.reason());
        return failed;
    }

    /** A port deliberately left off is never silent: people must know a host is without power. */
    void leftOff(RecoveryRequest request) {
        alert("poe_port_switched_off", Severity.WARNING, request, "switched off on request and left off");
    }

    void breakerOpened(RecoveryRequest request, Instant until, int threshold) {
        LOG.error("{}: breaker open until {} after {} failed recoveries", subject(request.label()),
                until, threshold);
        record("breaker_open", request, AuditEntry.Outcome.ACCEPTED, threshold + " failed recoveries",
                Map.of("until", until.toString()));
        String what = codePrefix.equals("poe") ? "no more power cycles of this port" : "no more reinstalls of this host";
        alert(codePrefix + "_breaker_open", Severity.CRITICAL, request, what + " until " + until + " after " + threshold
                + " failed recoveries: the host needs a person");
    }

    void restored(RecoveryRequest request, RecoveryOutcome outcome) {
        alert("poe_port_restored", outcome instanceof Done ? Severity.WARNING : Severity.CRITICAL, request,
                "port found left off by an interrupted cycle at start-up; switching it on: " + outcome);
    }

    private String subject(String label) {
        return codePrefix.equals("poe") ? "switch '" + switchName + "' port '" + label + "'" : "host '" + label + "'";
    }

    private void record(String action, RecoveryRequest request, AuditEntry.Outcome outcome, String reason,
                        Map<String, String> details) {
        audit.record(new AuditEntry(clock.instant(), request.actor(), action, switchName + "/" + request.label(),
                outcome, reason.equals(request.reason()) ? reason : request.reason() + " -> " + reason, details));
    }

    private void alert(String code, Severity severity, RecoveryRequest request, String message) {
        alerts.send(new Alert(clock.instant(), code, severity, switchName + "/" + request.label(),
                subject(request.label()) + ": " + message,
                Map.of("actor", request.actor(), "reason", request.reason())));
    }
}
