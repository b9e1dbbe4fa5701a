package io.piha.http.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Renders a {@link StatusSnapshot} as one self-contained HTML page (inline CSS, no scripts, refreshes
 * itself every 10 s). Every value is escaped. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class StatusPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#eef1f5;\
            color:#1d2733}
            header{background:#1d2733;color:#fff;padding:18px 32px}
            header h1{margin:0;font-size:22px;font-weight:600}
            header p{margin:4px 0 0;color:#b8c2cc;font-size:13px}
            header a{color:#8ecbff}
            main{padding:20px 32px;max-width:1180px}
            h2{font-size:16px;margin:22px 0 10px;color:#3a4756;text-transform:uppercase;letter-spacing:.04em}
            .cards{display:flex;flex-wrap:wrap;gap:16px}
            .card{background:#fff;border-radius:8px;padding:14px 18px;min-width:320px;flex:1;\
            box-shadow:0 1px 3px rgba(0,0,0,.12);border-left:8px solid #9e9e9e}
            .card.ok{border-left-color:#2e7d32}.card.busy{border-left-color:#ef8f00}.card.bad{border-left-color:#c62828}
            .card h3{margin:0 0 8px;font-size:19px}
            dl{display:grid;grid-template-columns:130px 1fr;gap:4px 10px;margin:0}
            dt{color:#6b7785}dd{margin:0;font-weight:500}
            .badge{display:inline-block;padding:1px 9px;border-radius:10px;font-size:12px;font-weight:600;\
            color:#fff;background:#607080;margin-left:6px;vertical-align:middle}
            .badge.ok{background:#2e7d32}.badge.busy{background:#ef8f00}.badge.bad{background:#c62828}
            .badge.frozen{background:#1565c0}
            table{border-collapse:collapse;width:100%;background:#fff;border-radius:8px;overflow:hidden;\
            box-shadow:0 1px 3px rgba(0,0,0,.12)}
            th,td{text-align:left;padding:8px 12px;border-bottom:1px solid #e3e8ee;vertical-align:top}
            th{background:#f6f8fa;color:#5a6776;font-size:13px;font-weight:600}
            td:first-child{white-space:nowrap}
            .dot{display:inline-block;width:12px;height:12px;border-radius:50%;margin-right:8px;background:#9e9e9e}
            .dot.up{background:#2e7d32}.dot.down{background:#ef8f00}.dot.unreachable{background:#c62828}
            .sev-warning{color:#b26a00;font-weight:600}.sev-critical{color:#c62828;font-weight:700}
            .muted{color:#6b7785}
            .sev{display:inline-block;min-width:62px;text-align:center;padding:1px 6px;border-radius:4px;\
            font-size:12px;font-weight:700;color:#fff;background:#607080}
            .sev.warning{background:#ef8f00}.sev.critical{background:#c62828}.sev.info{background:#5d7a96}
            .code{font-family:ui-monospace,monospace;font-size:12px;background:#eef1f5;border-radius:3px;padding:0 4px;\
            margin-right:4px}
            .note{color:#5a6776;font-size:13px;margin-top:2px}
            .filters a{margin-right:10px}.filters a.on{font-weight:700;text-decoration:none;color:#1d2733}
            .ports td.off{color:#c62828;font-weight:600}
            p.sync{background:#fff;border-radius:8px;padding:10px 14px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
            """;

    private StatusPage() {
    }

    /** The page for a snapshot, every event. */
    public static String render(StatusSnapshot s) {
        return render(s, EventFilter.ALL);
    }

    /** The page for a snapshot, the recent events filtered. */
    public static String render(StatusSnapshot s, EventFilter filter) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"10\">")
                .append("<title>PiHA ").append(Html.escape(s.site())).append("</title><style>").append(STYLE)
                .append("</style></head><body><header><h1>PiHA control plane · ").append(Html.escape(s.site()))
                .append("</h1><p>as of ").append(TIME.format(s.generatedAt()))
                .append(" · <a href=\"/status.json").append(Html.escape(filter.query()))
                .append("\">JSON</a> · <a href=\"/metrics\">metrics</a></p></header><main>");
        services(html, s);
        HostSection.render(html, s);
        EventSection.render(html, s, filter);
        SwitchSection.render(html, s);
        queued(html, s);
        html.append("<h2>Config sync</h2><p class=\"sync\">")
                .append(Html.escape(s.configSync().orElse("not configured"))).append("</p>");
        return html.append("</main></body></html>\n").toString();
    }

    private static void services(StringBuilder html, StatusSnapshot s) {
        html.append("<h2>Services</h2><div class=\"cards\">");
        for (ServiceStatus svc : s.services()) {
            String tone = svc.leader().isEmpty() || svc.phase().equals("blocked") ? "bad" : svc.isCalm() ? "ok" : "busy";
            html.append("<section class=\"card ").append(tone).append("\"><h3>").append(Html.escape(svc.service()))
                    .append("<span class=\"badge ").append(tone).append("\">").append(Html.escape(svc.phase()))
                    .append("</span>");
            if (svc.frozen()) {
                html.append("<span class=\"badge frozen\">frozen</span>");
            }
            html.append("</h3><dl>");
            svc.freezeReason().filter(r -> svc.frozen()).ifPresent(r -> html.append("<dt>Frozen</dt><dd>")
                    .append(Html.escape(r)).append("</dd>"));
            html.append("<dt>Leader</dt><dd>").append(Html.escape(svc.leader().map(Object::toString)
                    .orElse("none"))).append("</dd><dt>Epoch</dt><dd>").append(svc.epoch().value())
                    .append("</dd><dt>Last heartbeat</dt><dd>").append(heartbeat(svc, s.generatedAt()))
                    .append("</dd><dt>Next action</dt><dd>")
                    .append(svc.nextAction().map(a -> Html.escape(a.action()) + " <span class=\"muted\">("
                            + Html.until(s.generatedAt(), a.at()) + ")</span>").orElse("none"))
                    .append("</dd></dl></section>");
        }
        html.append("</div>");
    }

    private static String heartbeat(ServiceStatus svc, Instant now) {
        return svc.lastHeartbeat().map(hb -> Html.age(Duration.between(hb, now)) + " ago <span class=\"muted\">("
                + TIME.format(hb) + ")</span>").orElse("none seen");
    }

    private static void queued(StringBuilder html, StatusSnapshot s) {
        html.append("<h2>Queued actions</h2>");
        if (s.withQueuedActions().isEmpty()) {
            html.append("<p class=\"muted\">Nothing queued.</p>");
            return;
        }
        html.append("<table><tr><th>When</th><th>Service</th><th>Action</th></tr>");
        for (ServiceStatus svc : s.withQueuedActions()) {
            QueuedAction action = svc.nextAction().orElseThrow();
            html.append("<tr><td>").append(TIME.format(action.at())).append(" <span class=\"muted\">(")
                    .append(Html.until(s.generatedAt(), action.at())).append(")</span></td><td>")
                    .append(Html.escape(svc.service())).append("</td><td>").append(Html.escape(action.action()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    static String time(Instant at) {
        return TIME.format(at);
    }
}
