package io.piha.http.status;

import static io.piha.http.status.StatusMetrics.gauge;

/** The per-host gauges of {@link StatusMetrics}: labelled by service and host, unknown values absent. */
final class HostMetrics {

    private HostMetrics() {
    }

    static void render(MetricsText out, StatusSnapshot s) {
        gauge(out, "piha_host_info");
        s.hosts().forEach(h -> out.sample(1, "service", h.service(), "host", h.host().value(), "role", h.role(),
                "kind", h.kind().orElse("unknown")));
        gauge(out, "piha_host_up_known");
        s.hosts().forEach(h -> out.sample(h.lastProbe().isPresent() ? 1 : 0, labels(h)));
        gauge(out, "piha_host_up");
        s.hosts().stream().filter(h -> h.lastProbe().isPresent())
                .forEach(h -> out.sample(h.health() == HostStatus.Health.UP ? 1 : 0, labels(h)));
        gauge(out, "piha_host_probe_latency_seconds");
        s.hosts().forEach(h -> h.lastProbe().ifPresent(p -> out.sample(StatusMetrics.seconds(p.latency()), labels(h))));
        gauge(out, "piha_host_heartbeating");
        s.hosts().stream().filter(h -> h.liveness() != HostStatus.Liveness.NOT_HEARD)
                .forEach(h -> out.sample(h.liveness() == HostStatus.Liveness.HEARTBEATING ? 1 : 0, labels(h)));
        gauge(out, "piha_host_last_heartbeat_age_seconds");
        s.hosts().forEach(h -> h.lastHeartbeat().ifPresent(t -> out.sample(StatusMetrics.secondsBetween(t,
                s.generatedAt()), labels(h))));
        gauge(out, "piha_host_last_seen_age_seconds");
        s.hosts().forEach(h -> h.lastSeen().ifPresent(t -> out.sample(StatusMetrics.secondsBetween(t, s.generatedAt()),
                labels(h))));
        gauge(out, "piha_host_clock_offset_seconds");
        s.hosts().forEach(h -> h.clockOffset().ifPresent(o -> out.sample(StatusMetrics.seconds(o), labels(h))));
    }

    private static String[] labels(HostStatus h) {
        return new String[] {"service", h.service(), "host", h.host().value()};
    }
}
