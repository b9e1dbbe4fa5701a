package io.piha.http.status;

import io.piha.api.alert.Severity;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The page's recent events (filtered by host and severity) and the routine inputs, counted. */
final class EventSection {

    /** Events shown on the page; the JSON has the same. */
    static final int SHOWN = 40;

    private EventSection() {
    }

    static void render(StringBuilder html, StatusSnapshot s, EventFilter filter) {
        html.append("<h2>Recent events</h2>");
        filters(html, s, filter);
        var shown = s.events(filter, SHOWN);
        if (shown.isEmpty()) {
            html.append("<p class=\"muted\">").append(filter.equals(EventFilter.ALL) ? "No events yet."
                    : "No event matches this filter.").append("</p>");
        } else {
            html.append("<table><tr><th>When</th><th>Severity</th><th>Subject</th><th>What happened</th></tr>");
            shown.forEach(e -> event(html, e));
            html.append("</table>");
        }
        routine(html, s);
    }

    private static void event(StringBuilder html, RecentEvent e) {
        String severity = e.severity().name().toLowerCase(Locale.ROOT);
        html.append("<tr><td>").append(StatusPage.time(e.at())).append("</td><td><span class=\"sev ").append(severity)
                .append("\">").append(severity).append("</span></td><td>").append(Html.escape(e.subject()))
                .append("</td><td>");
        e.codes().forEach(c -> html.append("<span class=\"code\">").append(Html.escape(c)).append("</span>"));
        html.append(Html.escape(e.text()));
        e.notes().forEach(n -> html.append("<div class=\"note\">").append(Html.escape(n)).append("</div>"));
        html.append("</td></tr>");
    }

    private static void filters(StringBuilder html, StatusSnapshot s, EventFilter filter) {
        html.append("<p class=\"filters\">Severity: ");
        link(html, "all", new EventFilter(filter.host(), Optional.empty()), filter);
        link(html, "warning and above", new EventFilter(filter.host(), Optional.of(Severity.WARNING)), filter);
        link(html, "critical", new EventFilter(filter.host(), Optional.of(Severity.CRITICAL)), filter);
        html.append(" · Host: ");
        link(html, "all", new EventFilter(Optional.empty(), filter.atLeast()), filter);
        Set<String> hosts = new LinkedHashSet<>();
        s.hosts().forEach(h -> hosts.add(h.host().value()));
        hosts.forEach(h -> link(html, h, new EventFilter(Optional.of(h), filter.atLeast()), filter));
        html.append("</p>");
    }

    private static void link(StringBuilder html, String text, EventFilter target, EventFilter current) {
        String query = target.query();
        html.append("<a href=\"/").append(Html.escape(query)).append("\"")
                .append(target.equals(current) ? " class=\"on\"" : "").append(">").append(Html.escape(text)).append("</a>");
    }

    private static void routine(StringBuilder html, StatusSnapshot s) {
        html.append("<h2>Routine inputs</h2>");
        if (s.routine().isEmpty()) {
            html.append("<p class=\"muted\">None counted yet.</p>");
            return;
        }
        html.append("<table><tr><th>Kind</th><th>Subject</th><th>Host</th><th>Count</th><th>Last</th></tr>");
        for (RoutineSummary r : s.routine()) {
            html.append("<tr><td>").append(Html.escape(r.kind())).append("</td><td>").append(Html.escape(r.subject()))
                    .append("</td><td>").append(Html.escape(r.host().orElse("–"))).append("</td><td>").append(r.count())
                    .append(" <span class=\"muted\">since ").append(StatusPage.time(r.first())).append("</span></td><td>")
                    .append(Html.age(Duration.between(r.last(), s.generatedAt()))).append(" ago</td></tr>");
        }
        html.append("</table>");
    }
}
