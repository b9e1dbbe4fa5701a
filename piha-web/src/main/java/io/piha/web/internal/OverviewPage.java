package io.piha.web.internal;

import io.piha.api.inventory.SiteScope;
import io.piha.inventory.report.DiffReporter;
import io.piha.inventory.report.SiteDiff;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /}: the overview of seed 004's widgets: device stats and network health (by status), the last ten audit
 * entries, quick actions, and alerts (new devices, missing devices, IP conflicts of the last day) for the site.
 */
public final class OverviewPage {

    /** How far back the alerts look. */
    static final Duration ALERT_WINDOW = Duration.ofDays(1);

    /**
     * The numbers of the selected scope.
     *
     * @param sites sites in view
     * @param zones zones in view
     * @param networks networks in view
     */
    public record Counts(int sites, int zones, int networks) {
    }

    private final Web web;

    OverviewPage(Web web) {
        this.web = web;
    }

    void register(Router r) {
        r.get("/", x -> {
            SiteScope scope = web.scope(x);
            var status = web.queries().statusCounts(scope, web.onlineSince());
            Counts counts = new Counts(web.store().sites().list(scope).size(), web.store().zones().list(scope).size(),
                    web.store().networks().list(scope).size());
            Optional<SiteDiff> alerts = x.session().site().map(site -> new DiffReporter(web.store())
                    .diff(site, web.config().clock().instant().minus(ALERT_WINDOW)));
            web.page(x, 200, "overview.jte", "Overview", "overview", Map.of("status", status, "counts", counts,
                    "recent", web.store().audit().recent(scope, 10), "alerts", alerts, "sites", web.siteLabels(x)));
        });
    }
}
