package io.piha.http.status;

import static io.piha.http.status.StatusMetrics.gauge;

/** The per-service gauges of {@link StatusMetrics}. */
final class ServiceMetrics {

    private ServiceMetrics() {
    }

    static void render(MetricsText out, StatusSnapshot s) {
        gauge(out, "piha_leader_epoch");
        s.services().forEach(svc -> out.sample(svc.epoch().value(), "service", svc.service().value()));
        gauge(out, "piha_has_leader");
        s.services().forEach(svc -> out.sample(svc.leader().isPresent() ? 1 : 0, "service", svc.service().value()));
        gauge(out, "piha_leader_info");
        s.services().forEach(svc -> svc.leader().ifPresent(l -> out.sample(1, "service", svc.service().value(),
                "host", l.value())));
        gauge(out, "piha_phase_info");
        s.services().forEach(svc -> out.sample(1, "service", svc.service().value(), "phase", svc.phase()));
        gauge(out, "piha_frozen");
        s.services().forEach(svc -> out.sample(svc.frozen() ? 1 : 0, "service", svc.service().value()));
        gauge(out, "piha_failover_in_progress");
        s.services().forEach(svc -> out.sample(svc.isCalm() ? 0 : 1, "service", svc.service().value()));
        gauge(out, "piha_heartbeat_age_seconds");
        s.services().forEach(svc -> svc.heartbeatAge(s.generatedAt()).ifPresent(age ->
                out.sample(StatusMetrics.seconds(age), "service", svc.service().value())));
        gauge(out, "piha_next_action_seconds");
        s.services().forEach(svc -> svc.nextAction().ifPresent(a -> out.sample(
                StatusMetrics.secondsBetween(s.generatedAt(), a.at()), "service", svc.service().value())));
    }
}
