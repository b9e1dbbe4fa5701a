package io.piha.http.status;

import io.piha.api.alert.Alert;
import io.piha.api.alert.Severity;
import io.piha.api.audit.AuditEntry;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of the page's recent events: a decision or an alert.
 *
 * @param at when
 * @param severity how it is coloured
 * @param subject what it is about
 * @param text what happened, in words
 * @since 0.1
 */
public record RecentEvent(Instant at, Severity severity, String subject, String text) {

    /** @throws NullPointerException if a component is null */
    public RecentEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    /** An audit entry as an event: refused and failed decisions are warnings. */
    public static RecentEvent of(AuditEntry entry) {
        Severity severity = entry.outcome() == AuditEntry.Outcome.ACCEPTED || entry.outcome() == AuditEntry.Outcome.PLANNED
                ? Severity.INFO : Severity.WARNING;
        return new RecentEvent(entry.timestamp(), severity, entry.subject(), entry.actor() + " " + entry.action()
                + " " + entry.outcome().name().toLowerCase(Locale.ROOT) + ": " + entry.reason());
    }

    /** An alert as an event. */
    public static RecentEvent of(Alert alert) {
        return new RecentEvent(alert.timestamp(), alert.severity(), alert.subject(), alert.message());
    }
}
