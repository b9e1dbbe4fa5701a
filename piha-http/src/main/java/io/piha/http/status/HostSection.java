package io.piha.http.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The page's hosts: liveness, health, last heartbeat, epoch, clock offset and participant kind of each. */
final class HostSection {

    private HostSection() {
    }

    static void render(StringBuilder html, StatusSnapshot s) {
        html.append("<h2>Hosts</h2><table><tr><th>Host</th><th>Role</th><th>Kind</th><th>Liveness</th>")
                .append("<th>Last heartbeat</th><th>Epoch</th><th>Clock offset</th><th>Health (last probe)</th></tr>");
        for (HostStatus host : s.hosts()) {
            String health = host.health().name().toLowerCase(Locale.ROOT);
            html.append("<tr><td><span class=\"dot ").append(health).append("\"></span>")
                    .append(Html.escape(host.host())).append("</td><td>").append(Html.escape(host.role()))
                    .append(" <span class=\"muted\">of ").append(Html.escape(host.service())).append("</span></td><td>")
                    .append(Html.escape(host.kind().orElse("unknown"))).append("</td><td>")
                    .append(liveness(host, s.generatedAt())).append("</td><td>")
                    .append(host.lastHeartbeat().map(t -> Html.age(Duration.between(t, s.generatedAt())) + " ago "
                            + "<span class=\"muted\">(" + StatusPage.time(t) + ")</span>")
                            .orElse("<span class=\"muted\">none since start-up</span>"))
                    .append("</td><td>").append(host.epoch().map(e -> Long.toString(e.value())).orElse("–"))
                    .append("</td><td>").append(host.clockOffset().map(Html::offset).orElse("–"))
                    .append("</td><td>").append(health).append(": ").append(Html.escape(host.probeDetail()))
                    .append(host.lastProbe().map(p -> " <span class=\"muted\">(" + p.latency().toMillis() + " ms, "
                            + Html.age(Duration.between(p.at(), s.generatedAt())) + " ago)</span>").orElse(""))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static String liveness(HostStatus host, Instant now) {
        return switch (host.liveness()) {
            case HEARTBEATING -> "heartbeating";
            case SILENT -> "<span class=\"sev-warning\">silent for "
                    + Html.age(Duration.between(host.lastHeartbeat().orElse(now), now)) + "</span>";
            case NOT_HEARD -> "<span class=\"muted\">not heard</span>";
        };
    }
}
