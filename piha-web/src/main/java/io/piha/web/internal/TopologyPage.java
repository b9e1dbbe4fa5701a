package io.piha.web.internal;

import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** {@code /topology}: the selected site's network graph (Cytoscape.js, drawn by {@code topology.js}). */
final class TopologyPage {

    private final Web web;

    TopologyPage(Web web) {
        this.web = web;
    }

    void register(Router r) {
        r.get("/topology", x -> {
            Optional<Site> site = x.session().site().flatMap(id -> web.store().sites().find(SiteScope.allSites(), id));
            web.page(x, 200, "topology.jte", "Topology", "topology", Map.of("site", site,
                    "zones", site.map(s -> ZonePages.tree(web.store().zones().list(SiteScope.of(s.id()))))
                            .orElse(java.util.List.of())));
        });
        r.get("/topology.json", x -> {
            Site site = x.session().site().flatMap(id -> web.store().sites().find(SiteScope.allSites(), id))
                    .orElseThrow(() -> new InventoryException.NotFound("choose a site to see its topology"));
            SiteScope scope = SiteScope.of(site.id());
            String json = Topology.json(site.name(), web.store().networks().list(scope), web.store().zones().list(scope),
                    web.queries().siteDevices(site.id(), web.onlineSince()));
            x.send(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
        });
    }
}
