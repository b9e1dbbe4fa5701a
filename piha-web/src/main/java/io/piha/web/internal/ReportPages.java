package io.piha.web.internal;

import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Zone;
import io.piha.inventory.report.DiffReporter;
import io.piha.inventory.report.Exports;
import io.piha.inventory.report.SiteDiff;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@code /reports}: the devices of the selected sites and a site's diff report, as CSV or JSON downloads. */
final class ReportPages {

    private final Web web;

    ReportPages(Web web) {
        this.web = web;
    }

    void register(Router r) {
        r.get("/reports", x -> {
            int days = days(x);
            Optional<SiteDiff> diff = x.session().site().map(s -> diff(s, days));
            web.page(x, 200, "reports.jte", "Reports", "reports", Map.of("days", days, "diff", diff));
        });
        r.get("/reports/devices.csv", x -> devices(x, false));
        r.get("/reports/devices.json", x -> devices(x, true));
        r.get("/reports/diff.csv", x -> x.download("text/csv; charset=utf-8", "diff.csv", Exports.diffCsv(diff(x))));
        r.get("/reports/diff.json", x -> x.download("application/json", "diff.json", Exports.diffJson(diff(x))));
    }

    private void devices(Exchange x, boolean json) {
        SiteScope scope = web.scope(x);
        Map<UUID, String> sites = web.store().sites().list(scope).stream()
                .collect(Collectors.toMap(Site::id, s -> s.slug().value()));
        Map<UUID, String> zones = web.store().zones().list(scope).stream()
                .collect(Collectors.toMap(Zone::id, z -> z.slug().value()));
        var devices = web.store().devices().list(scope);
        if (json) {
            x.download("application/json", "devices.json", Exports.devicesJson(devices, sites, zones));
        } else {
            x.download("text/csv; charset=utf-8", "devices.csv", Exports.devicesCsv(devices, sites, zones));
        }
    }

    private SiteDiff diff(Exchange x) {
        UUID site = x.session().site().orElseThrow(() ->
                new WebServer.BadRequest("Choose a site first: a diff report is about one site."));
        return diff(site, days(x));
    }

    private SiteDiff diff(UUID site, int days) {
        return new DiffReporter(web.store()).diff(site, web.config().clock().instant().minus(Duration.ofDays(days)));
    }

    private static int days(Exchange x) {
        String text = x.query("days").orElse("7");
        if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < 1) {
            throw new WebServer.BadRequest("days '" + text + "' must be a whole number of days, 1 or more");
        }
        return Integer.parseInt(text);
    }
}
