package io.piha.http.status;

import java.time.Duration;
import java.util.Locale;

/**
 * Renders a {@link StatusSnapshot} in the Prometheus text exposition format (version 0.0.4): gauges per
 * service ({@code piha_leader_epoch}, {@code piha_has_leader}, {@code piha_frozen},
 * {@code piha_heartbeat_age_seconds}, {@code piha_failover_in_progress}, {@code piha_next_action_seconds}) and
 * per host ({@code piha_host_up}, {@code piha_host_probe_latency_seconds}, {@code piha_host_last_seen_age_seconds}).
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class StatusMetrics {

    /** The content type Prometheus scrapes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private StatusMetrics() {
    }

    /** The metrics text for a snapshot. */
    public static String render(StatusSnapshot s) {
        StringBuilder out = new StringBuilder(2048);
        gauge(out, "piha_leader_epoch", "The highest epoch granted or seen, per service.");
        s.services().forEach(svc -> sample(out, "piha_leader_epoch", "service", svc.service().value(),
                svc.epoch().value()));
        gauge(out, "piha_has_leader", "1 if the service has a lease holder.");
        s.services().forEach(svc -> sample(out, "piha_has_leader", "service", svc.service().value(),
                svc.leader().isPresent() ? 1 : 0));
        gauge(out, "piha_frozen", "1 if automatic promotion of the service is frozen.");
        s.services().forEach(svc -> sample(out, "piha_frozen", "service", svc.service().value(),
                svc.frozen() ? 1 : 0));
        gauge(out, "piha_failover_in_progress", "1 unless the arbiter is watching (normal operation).");
        s.services().forEach(svc -> sample(out, "piha_failover_in_progress", "service", svc.service().value(),
                svc.isCalm() ? 0 : 1));
        gauge(out, "piha_heartbeat_age_seconds", "Age of the leader's newest heartbeat.");
        s.services().forEach(svc -> svc.heartbeatAge(s.generatedAt()).ifPresent(age ->
                sample(out, "piha_heartbeat_age_seconds", "service", svc.service().value(), seconds(age))));
        gauge(out, "piha_next_action_seconds", "Seconds until the arbiter's next queued action.");
        s.services().forEach(svc -> svc.nextAction().ifPresent(a -> sample(out, "piha_next_action_seconds",
                "service", svc.service().value(), seconds(Duration.between(s.generatedAt(), a.at())))));
        gauge(out, "piha_host_up", "1 if the host's last probe found it healthy.");
        s.hosts().forEach(h -> sample(out, "piha_host_up", "host", h.host().value(),
                h.health() == HostStatus.Health.UP ? 1 : 0));
        gauge(out, "piha_host_probe_latency_seconds", "Latency of the host's last probe.");
        s.hosts().forEach(h -> h.lastProbe().ifPresent(p -> sample(out, "piha_host_probe_latency_seconds", "host",
                h.host().value(), seconds(p.latency()))));
        gauge(out, "piha_host_last_seen_age_seconds", "Seconds since the host last showed itself.");
        s.hosts().forEach(h -> h.lastSeen().ifPresent(t -> sample(out, "piha_host_last_seen_age_seconds", "host",
                h.host().value(), seconds(Duration.between(t, s.generatedAt())))));
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n");
    }

    private static void sample(StringBuilder out, String name, String label, String value, double number) {
        out.append(name).append('{').append(label).append("=\"").append(escapeLabel(value)).append("\"} ")
                .append(format(number)).append('\n');
    }

    private static String format(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15
                ? Long.toString((long) number)
                : String.format(Locale.ROOT, "%.3f", number);
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
