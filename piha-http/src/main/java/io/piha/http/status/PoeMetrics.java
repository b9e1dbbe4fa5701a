package io.piha.http.status;

import static io.piha.http.status.StatusMetrics.gauge;

/** The PoE gauges of {@link StatusMetrics}: ports off, breakers, cooldowns, the rate limit. */
final class PoeMetrics {

    private PoeMetrics() {
    }

    static void render(MetricsText out, StatusSnapshot s) {
        gauge(out, "piha_poe_port_off");
        s.switches().forEach(sw -> sw.ports().forEach(p -> p.off().ifPresent(off -> out.sample(1, "switch", sw.name(),
                "port", p.label(), "state", StatusMetrics.lower(off)))));
        gauge(out, "piha_poe_breaker_open");
        s.switches().forEach(sw -> sw.ports().stream().filter(p -> !p.protectedPort()).forEach(p -> out.sample(
                p.breakerOpenUntil().isPresent() ? 1 : 0, "switch", sw.name(), "port", p.label())));
        gauge(out, "piha_poe_cooldown_remaining_seconds");
        s.switches().forEach(sw -> sw.ports().forEach(p -> p.cooldownUntil().ifPresent(t -> out.sample(
                StatusMetrics.secondsBetween(s.generatedAt(), t), "switch", sw.name(), "port", p.label()))));
        gauge(out, "piha_poe_actions_in_window");
        s.switches().forEach(sw -> out.sample(sw.actionsInWindow(), "switch", sw.name()));
        gauge(out, "piha_poe_action_limit");
        s.switches().forEach(sw -> out.sample(sw.actionLimit(), "switch", sw.name()));
    }
}
