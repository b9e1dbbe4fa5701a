package io.piha.http.status;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertSink;
import io.piha.api.audit.AuditEntry;
import io.piha.api.audit.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the status page lists as recent events, fed with every audit entry and alert of the control plane (wire it
 * in front of the audit log and the alert sinks). Routine entries (heartbeats, renewals) are only counted, per kind,
 * subject and host, never listed. A decision and the alerts it raised (same instant, same subject) are one event at
 * the alerts' severity. It keeps the newest {@code capacity} events only, so the page costs the same after a year.
 * Counts every alert in {@link StatusCounters#ALERTS}. Thread-safe.
 *
 * @since 0.1
 */
public final class EventJournal implements AuditLog, AlertSink {

    /** Default number of events kept. */
    public static final int DEFAULT_CAPACITY = 500;
    /** How far back (in events) an alert looks for the decision that raised it. */
    private static final int MERGE_LOOKBACK = 32;

    private final int capacity;
    private final Map<String, Pattern> hosts = new LinkedHashMap<>();
    private final StatusCounters counters;
    private final List<RecentEvent> events = new ArrayList<>();
    private final Map<List<String>, RoutineSummary> routine = new LinkedHashMap<>();

    /**
     * @param capacity events kept; at least 1
     * @param hostIds the hosts events are tagged with when they name them (for the host filter)
     * @param counters where alerts are counted
     * @throws IllegalArgumentException if the capacity is below 1
     */
    public EventJournal(int capacity, Set<String> hostIds, StatusCounters counters) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the event journal keeps at least 1 event, was " + capacity);
        }
        this.capacity = capacity;
        // a host id is named when no letter, digit, '-', '_' or '.' touches it: haos-primary is not haos-primary-2
        hostIds.forEach(h -> hosts.put(h, Pattern.compile("(?<![\\w.-])" + Pattern.quote(h) + "(?![\\w-]|\\.\\w)")));
        this.counters = java.util.Objects.requireNonNull(counters, "counters");
    }

    @Override
    public void record(AuditEntry entry) {
        if (entry.outcome() == AuditEntry.Outcome.ROUTINE) {
            routine(entry.action(), entry.subject(), Optional.ofNullable(entry.details().get("host")), entry.timestamp());
            return;
        }
        RecentEvent event = RecentEvent.of(entry);
        event = event.naming(named(event.subject() + " " + event.text()));
        synchronized (this) {
            // alerts are sent from another thread than the decision's audit entry: they may come first
            for (int i = events.size() - 1; i >= Math.max(0, events.size() - MERGE_LOOKBACK); i--) {
                RecentEvent e = events.get(i);
                if (e.alertOnly() && e.at().equals(event.at()) && e.subject().equals(event.subject())) {
                    events.set(i, e.claimedBy(event));
                    return;
                }
            }
            add(event);
        }
    }

    @Override
    public void send(Alert alert) {
        counters.increment(StatusCounters.ALERTS, alert.code(), alert.severity().name().toLowerCase(Locale.ROOT));
        synchronized (this) {
            for (int i = events.size() - 1; i >= Math.max(0, events.size() - MERGE_LOOKBACK); i--) {
                RecentEvent e = events.get(i);
                if (e.at().equals(alert.timestamp()) && e.subject().equals(alert.subject())) {
                    RecentEvent merged = e.raising(alert);
                    events.set(i, merged.naming(union(merged.hosts(), named(alert.message()))));
                    return;
                }
            }
        }
        RecentEvent event = RecentEvent.of(alert);
        add(event.naming(named(event.subject() + " " + event.text())));
    }

    /**
     * Counts a routine input that is not an audit entry (a heartbeat heard on the bus).
     *
     * @param kind what, e.g. {@code heartbeat}
     * @param subject on what, e.g. the service
     * @param host from which host, if known
     * @param at when
     */
    public synchronized void routine(String kind, String subject, Optional<String> host, Instant at) {
        routine.compute(List.of(kind, subject, host.orElse("")), (k, old) -> old == null
                ? new RoutineSummary(kind, subject, host, 1, at, at) : old.plus(at));
    }

    /** Records entries read back from the audit trail at start-up (see {@code JsonLinesAuditLog.readTail}). */
    public void seed(List<AuditEntry> entries) {
        entries.forEach(this::record);
    }

    private synchronized void add(RecentEvent event) {
        events.add(event);
        if (events.size() > capacity) {
            events.subList(0, events.size() - capacity).clear();
        }
    }

    /** The events kept, newest first. */
    public synchronized List<RecentEvent> events() {
        List<RecentEvent> out = new ArrayList<>(events);
        java.util.Collections.reverse(out);
        return out;
    }

    /** The routine inputs counted, newest last first. */
    public synchronized List<RoutineSummary> routine() {
        return routine.values().stream().sorted(java.util.Comparator.comparing(RoutineSummary::last).reversed()).toList();
    }

    /** The counters alerts are counted in. */
    public StatusCounters counters() {
        return counters;
    }

    private Set<String> named(String text) {
        Set<String> found = new LinkedHashSet<>();
        hosts.forEach((h, p) -> {
            if (p.matcher(text).find()) {
                found.add(h);
            }
        });
        return found;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
