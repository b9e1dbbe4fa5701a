package io.piha.http.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The control plane's counters since it started, exported on {@code /metrics} as Prometheus counters (a restart
 * starts them at zero again, which Prometheus' {@code rate()} and {@code increase()} expect). Thread-safe.
 *
 * @since 0.1
 */
public final class StatusCounters {

    /** Automatic failovers granted, by {@code service}. */
    public static final String FAILOVERS = "piha_failovers_total";
    /** Grants of leadership (new epochs), by {@code service} and {@code trigger} ({@code failover} or {@code operator}). */
    public static final String GRANTS = "piha_grants_total";
    /** Power actions of the PoE safety layer, by {@code switch}, {@code action} and {@code outcome}. */
    public static final String POE_ACTIONS = "piha_poe_actions_total";
    /** Alerts raised, by {@code code} and {@code severity}. */
    public static final String ALERTS = "piha_alerts_total";
    /** Operator commands the arbiter refused, by {@code service} and {@code verb}. */
    public static final String COMMANDS_REFUSED = "piha_commands_refused_total";
    /** Heartbeats heard on the bus, by {@code service} and {@code host}. */
    public static final String HEARTBEATS = "piha_heartbeats_total";

    /** Every counter family with its help text and label names. */
    public static final Map<String, Family> FAMILIES = families();

    /**
     * A counter family.
     *
     * @param help the help text
     * @param labels the label names, in order
     */
    public record Family(String help, List<String> labels) {
        /** @throws NullPointerException if a component is null */
        public Family {
            java.util.Objects.requireNonNull(help, "help");
            labels = List.copyOf(labels);
        }
    }

    private record Key(String family, List<String> values) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    private static Map<String, Family> families() {
        Map<String, Family> f = new LinkedHashMap<>();
        f.put(FAILOVERS, new Family("Automatic failovers granted since the control plane started.", List.of("service")));
        f.put(GRANTS, new Family("Leadership grants (new epochs) since the control plane started.",
                List.of("service", "trigger")));
        f.put(POE_ACTIONS, new Family("PoE power actions by outcome (done, failed, refused, planned).",
                List.of("switch", "action", "outcome")));
        f.put(ALERTS, new Family("Alerts raised, by code and severity.", List.of("code", "severity")));
        f.put(COMMANDS_REFUSED, new Family("Operator commands the arbiter refused.", List.of("service", "verb")));
        f.put(HEARTBEATS, new Family("Heartbeats heard on the bus.", List.of("service", "host")));
        return java.util.Collections.unmodifiableMap(f);
    }

    /**
     * Adds one.
     *
     * @param family one of {@link #FAMILIES}
     * @param labelValues the values of the family's labels, in order
     * @throws IllegalArgumentException if the family is unknown or the number of values does not match its labels
     */
    public void increment(String family, String... labelValues) {
        counts.computeIfAbsent(key(family, labelValues), k -> new LongAdder()).increment();
    }

    /** Makes a counter exist at zero, so that {@code rate()} sees its first increase. */
    public void register(String family, String... labelValues) {
        counts.computeIfAbsent(key(family, labelValues), k -> new LongAdder());
    }

    private static Key key(String family, String... values) {
        Family f = FAMILIES.get(family);
        if (f == null) {
            throw new IllegalArgumentException("unknown counter family '" + family + "'");
        }
        if (values.length != f.labels().size()) {
            throw new IllegalArgumentException(family + " takes labels " + f.labels() + ", got " + List.of(values));
        }
        return new Key(family, List.of(values));
    }

    /** Every counter now, by family in the order of {@link #FAMILIES}, then by label values. */
    public List<Counter> samples() {
        List<Counter> out = new ArrayList<>();
        for (Map.Entry<String, Family> f : FAMILIES.entrySet()) {
            counts.entrySet().stream().filter(e -> e.getKey().family().equals(f.getKey()))
                    .sorted(java.util.Comparator.comparing(e -> String.join("\u0000", e.getKey().values())))
                    .forEach(e -> out.add(new Counter(f.getKey(), labels(f.getValue(), e.getKey().values()),
                            e.getValue().sum())));
        }
        return out;
    }

    private static Map<String, String> labels(Family f, List<String> values) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            labels.put(f.labels().get(i), values.get(i));
        }
        return labels;
    }
}
