package io.piha.http.status;

import io.piha.api.alert.Alert;
import io.piha.api.alert.Severity;
import io.piha.api.audit.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One line of the page's recent events: a decision, with the alerts it raised, or an alert alone. Its severity is
 * the highest of its alerts' (a failover's {@code heartbeat_missed} and {@code poe_reset} are warnings), else a
 * refused or failed decision is a warning and any other an info.
 *
 * @param at when
 * @param severity how it is coloured and filtered
 * @param subject what it is about: a service, or {@code switch/port}
 * @param text what happened, in words
 * @param codes the codes of the alerts it raised, in order; empty for a decision without alert
 * @param notes the alerts' messages, in the same order
 * @param hosts the hosts it names, for the host filter
 * @since 0.1
 */
public record RecentEvent(Instant at, Severity severity, String subject, String text, List<String> codes,
                          List<String> notes, Set<String> hosts) {

    /** @throws NullPointerException if a component is null */
    public RecentEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        codes = List.copyOf(codes);
        notes = List.copyOf(notes);
        hosts = Set.copyOf(hosts);
    }

    /** An event without alerts and without hosts named. */
    public RecentEvent(Instant at, Severity severity, String subject, String text) {
        this(at, severity, subject, text, List.of(), List.of(), Set.of());
    }

    /** An audit entry as an event: refused and failed decisions are warnings, the others infos. */
    public static RecentEvent of(AuditEntry entry) {
        Severity severity = entry.outcome() == AuditEntry.Outcome.REFUSED || entry.outcome() == AuditEntry.Outcome.FAILED
                ? Severity.WARNING : Severity.INFO;
        return new RecentEvent(entry.timestamp(), severity, entry.subject(), entry.actor() + " " + entry.action()
                + " " + entry.outcome().name().toLowerCase(Locale.ROOT) + ": " + entry.reason());
    }

    /** An alert as an event of its own severity. */
    public static RecentEvent of(Alert alert) {
        return new RecentEvent(alert.timestamp(), alert.severity(), alert.subject(), alert.message(),
                List.of(alert.code()), List.of(), Set.of());
    }

    /** The same event naming {@code named} hosts. */
    RecentEvent naming(Set<String> named) {
        return new RecentEvent(at, severity, subject, text, codes, notes, named);
    }

    /** This decision with an alert it raised: the higher severity, the alert's code and message added. */
    RecentEvent raising(Alert alert) {
        Severity higher = alert.severity().compareTo(severity) > 0 ? alert.severity() : severity;
        List<String> moreCodes = new java.util.ArrayList<>(codes);
        moreCodes.add(alert.code());
        List<String> moreNotes = new java.util.ArrayList<>(notes);
        moreNotes.add(alert.message());
        return new RecentEvent(at, higher, subject, text, moreCodes, moreNotes, hosts);
    }

    /** Whether this is an alert that no decision claimed (yet): its text is the first alert's message. */
    boolean alertOnly() {
        return codes.size() > notes.size();
    }

    /** This alert-only event claimed by the decision that raised it (the decision was recorded after its alerts). */
    RecentEvent claimedBy(RecentEvent decision) {
        List<String> allNotes = new java.util.ArrayList<>();
        allNotes.add(text);
        allNotes.addAll(notes);
        Severity higher = decision.severity().compareTo(severity) > 0 ? decision.severity() : severity;
        Set<String> named = new java.util.LinkedHashSet<>(decision.hosts());
        named.addAll(hosts);
        return new RecentEvent(at, higher, subject, decision.text(), codes, allNotes, named);
    }
}
