package io.piha.http.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link StatusSnapshot} in the Prometheus text exposition format (version 0.0.4), in Prometheus'
 * conventions: base units (seconds), counters ending in {@code _total} (since the control plane started), info metrics
 * ({@code _info}, value 1) carrying names as labels, and an unknown value absent rather than 0 ({@code piha_host_up}
 * only once probed, with {@code piha_host_up_known} saying whether it was). {@link #FAMILIES} lists every family.
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class StatusMetrics {

    /** The content type Prometheus scrapes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Every gauge family with its help text; the counters are {@link StatusCounters#FAMILIES}. */
    public static final Map<String, String> GAUGES = gauges();

    /** Every family the control plane exports: the gauges, then the counters. */
    public static final Set<String> FAMILIES = families();

    private StatusMetrics() {
    }

    private static Map<String, String> gauges() {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("piha_leader_epoch", "The highest epoch granted or seen, per service.");
        g.put("piha_has_leader", "1 if the service has a lease holder.");
        g.put("piha_leader_info", "The lease holder of the service, as a label; absent without one.");
        g.put("piha_phase_info", "The arbiter's phase, as a label.");
        g.put("piha_frozen", "1 if automatic promotion of the service is frozen.");
        g.put("piha_failover_in_progress", "1 unless the arbiter is watching (normal operation).");
        g.put("piha_heartbeat_age_seconds", "Age of the leader's newest heartbeat; absent if none since start-up.");
        g.put("piha_next_action_seconds", "Seconds until the arbiter's next queued action (negative: overdue).");
        g.put("piha_host_info", "Each host of each service with its role and participant kind, as labels.");
        g.put("piha_host_up_known", "1 once the host has been probed, 0 before.");
        g.put("piha_host_up", "1 if the host's last probe found it healthy, 0 if not; absent until probed.");
        g.put("piha_host_probe_latency_seconds", "Latency of the host's last probe; absent until probed.");
        g.put("piha_host_heartbeating", "1 if the host heartbeated within the timeout, 0 if it fell silent; absent "
                + "if never heard since start-up.");
        g.put("piha_host_last_heartbeat_age_seconds", "Seconds since the host's newest heartbeat; absent if none.");
        g.put("piha_host_last_seen_age_seconds", "Seconds since the host last heartbeated or answered a probe healthy.");
        g.put("piha_host_clock_offset_seconds", "The host's clock minus the control plane's at its newest heartbeat.");
        g.put("piha_poe_port_off", "1 for a port the PoE journal has off, by state (held_off, left_off, maybe_off).");
        g.put("piha_poe_breaker_open", "1 while the port's breaker is open.");
        g.put("piha_poe_cooldown_remaining_seconds", "Seconds until the port may be power-cycled again; absent when ready.");
        g.put("piha_poe_actions_in_window", "Power actions on the switch within its rate window.");
        g.put("piha_poe_action_limit", "The most power actions the switch allows within its rate window.");
        return Collections.unmodifiableMap(g);
    }

    private static Set<String> families() {
        Set<String> all = new java.util.LinkedHashSet<>(GAUGES.keySet());
        all.addAll(StatusCounters.FAMILIES.keySet());
        return Collections.unmodifiableSet(all);
    }

    /** The metrics text for a snapshot. */
    public static String render(StatusSnapshot s) {
        MetricsText out = new MetricsText();
        ServiceMetrics.render(out, s);
        HostMetrics.render(out, s);
        PoeMetrics.render(out, s);
        counters(out, s.counters());
        return out.toString();
    }

    static MetricsText gauge(MetricsText out, String name) {
        String help = GAUGES.get(name);
        if (help == null) {
            throw new IllegalArgumentException("gauge " + name + " is not listed in StatusMetrics.GAUGES");
        }
        return out.family(name, "gauge", help);
    }

    private static void counters(MetricsText out, List<Counter> counters) {
        for (Map.Entry<String, StatusCounters.Family> family : StatusCounters.FAMILIES.entrySet()) {
            out.family(family.getKey(), "counter", family.getValue().help());
            counters.stream().filter(c -> c.family().equals(family.getKey())).forEach(c -> out.sample(c.value(),
                    c.labels().entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                            .toArray(String[]::new)));
        }
    }

    static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    static double secondsBetween(Instant from, Instant to) {
        return seconds(Duration.between(from, to));
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static String escapeLabel(String value) {
        return MetricsText.escapeLabel(value);
    }
}
