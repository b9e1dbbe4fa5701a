package io.piha.http.status;

import io.piha.api.recovery.GuardedPort;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The page's switches and PoE: ports, cooldowns, breakers, ports off, the rate limit used, the last actions. */
final class SwitchSection {

    private static final int LAST_ACTIONS = 5;

    private SwitchSection() {
    }

    static void render(StringBuilder html, StatusSnapshot s) {
        html.append("<h2>Switches and PoE</h2>");
        if (s.switches().isEmpty()) {
            html.append("<p class=\"muted\">No switch configured: no power-cycles, no fencing by power.</p>");
            return;
        }
        for (SwitchStatus sw : s.switches()) {
            html.append("<h3>").append(Html.escape(sw.name())).append(" <span class=\"muted\">")
                    .append(sw.actionsInWindow()).append(" of ").append(sw.actionLimit()).append(" actions used in ")
                    .append(Html.age(sw.rateWindow())).append("</span></h3>")
                    .append("<table class=\"ports\"><tr><th>Port</th><th>Power</th><th>Last action</th>")
                    .append("<th>Cooldown</th><th>Breaker</th></tr>");
            sw.ports().forEach(p -> port(html, p, s.generatedAt()));
            html.append("</table>");
            lastActions(html, sw);
        }
    }

    private static void port(StringBuilder html, GuardedPort p, Instant now) {
        html.append("<tr><td>").append(Html.escape(p.label()))
                .append(p.protectedPort() ? " <span class=\"muted\">(protected)</span>" : "").append("</td>");
        if (p.off().isPresent()) {
            html.append("<td class=\"off\">").append(off(p.off().get())).append(p.offSince()
                    .map(t -> " since " + Html.age(Duration.between(t, now)) + " ago").orElse("")).append("</td>");
        } else {
            html.append("<td>on</td>");
        }
        html.append("<td>").append(p.lastAction().map(t -> Html.age(Duration.between(t, now)) + " ago").orElse("none"))
                .append("</td><td>").append(p.cooldownUntil().map(t -> "until " + StatusPage.time(t)
                        + " <span class=\"muted\">(" + Html.until(now, t) + ")</span>").orElse("ready"))
                .append("</td><td>").append(p.breakerOpenUntil().map(t -> "<span class=\"sev-critical\">open until "
                        + StatusPage.time(t) + "</span>").orElse("closed"))
                .append(p.recentFailures() > 0 ? " <span class=\"muted\">(" + p.recentFailures() + " failed)</span>" : "")
                .append("</td></tr>");
    }

    private static String off(GuardedPort.Off off) {
        return switch (off) {
            case HELD_OFF -> "held off (fenced)";
            case LEFT_OFF -> "left off (start-up restores it)";
            case MAYBE_OFF -> "maybe off (start-up restores it)";
        };
    }

    private static void lastActions(StringBuilder html, SwitchStatus sw) {
        if (sw.lastActions().isEmpty()) {
            html.append("<p class=\"muted\">No power action since the control plane started.</p>");
            return;
        }
        html.append("<table><tr><th>When</th><th>Severity</th><th>Last actions</th></tr>");
        sw.lastActions().stream().limit(LAST_ACTIONS).forEach(e -> html.append("<tr><td>").append(StatusPage.time(e.at()))
                .append("</td><td><span class=\"sev ").append(e.severity().name().toLowerCase(Locale.ROOT)).append("\">")
                .append(e.severity().name().toLowerCase(Locale.ROOT)).append("</span></td><td>")
                .append(Html.escape(e.subject())).append(": ").append(Html.escape(e.text())).append("</td></tr>"));
        html.append("</table>");
    }
}
