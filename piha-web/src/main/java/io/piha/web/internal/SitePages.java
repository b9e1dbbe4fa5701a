package io.piha.web.internal;

import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.Organisation;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import io.piha.api.inventory.Zone;
import io.piha.inventory.query.InventoryQueries;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code /sites}: the homes; the site selector, list, detail (zones, networks, device counts), CRUD. */
final class SitePages implements Editor<Site> {

    private final Web web;

    SitePages(Web web) {
        this.web = web;
    }

    void register(Router r) {
        r.post("/site", x -> {
            String chosen = x.field("site");
            x.session().site(chosen.isBlank() ? Optional.empty() : Optional.of(Web.uuid(chosen)));
            String back = x.field("back");
            // only a path of this server: never an open redirect
            x.redirect(back.startsWith("/") && !back.startsWith("//") ? back : "/");
        });
        r.get("/sites", x -> web.page(x, 200, "sites.jte", "Sites", "sites",
                Map.of("sites", web.sites(x), "labels", web.siteLabels(x))));
        new CrudPages<>(web, this, "sites").register(r);
        r.get("/sites/{id}", x -> {
            Site s = find(x, Web.uuid(x.param("id"))).orElseThrow(() ->
                    new InventoryException.NotFound("There is no site " + x.param("id")));
            SiteScope scope = SiteScope.of(s.id());
            List<Zone> zones = web.store().zones().list(scope);
            InventoryQueries.StatusCounts counts = web.queries().statusCounts(scope, web.onlineSince());
            web.page(x, 200, "site.jte", s.name(), "sites", Map.of("site", s, "label", web.siteLabels(x).get(s.id()),
                    "zones", ZonePages.tree(zones), "networks", web.store().networks().list(scope), "counts", counts));
        });
    }

    @Override
    public String noun() {
        return "site";
    }

    @Override
    public String base() {
        return "/sites";
    }

    @Override
    public List<Form.Field> fields(Exchange x, Optional<Site> existing) {
        Form.Field org = Form.Field.select("organisation", "Organisation", Web.options(
                web.store().organisations().list(), o -> o.id().toString(), Organisation::name, ""), "Who owns it");
        return List.of(existing.isPresent() ? org.lock() : org,
                Form.Field.text("slug", "Slug", "Unique within the organisation, e.g. fremont"),
                Form.Field.text("name", "Name", "e.g. Primary residence"));
    }

    @Override
    public Map<String, String> values(Site s) {
        return Map.of("organisation", s.organisationId().toString(), "slug", s.slug().value(), "name", s.name(),
                "version", String.valueOf(s.version()));
    }

    @Override
    public Map<String, String> defaults(Exchange x) {
        List<Organisation> orgs = web.store().organisations().list();
        return orgs.size() == 1 ? Map.of("organisation", orgs.get(0).id().toString()) : Map.of();
    }

    @Override
    public Optional<Site> parse(Checks c, Optional<Site> existing, long version) {
        UUID id = existing.map(Site::id).orElseGet(UUID::randomUUID);
        Optional<UUID> org = existing.map(Site::organisationId).or(() -> c.field("organisation", v -> {
            if (v.isEmpty()) {
                throw new IllegalArgumentException("choose the organisation that owns the site");
            }
            return UUID.fromString(v);
        }));
        Optional<Slug> slug = c.field("slug", Slug::of);
        Optional<String> name = c.field("name", n -> new Site(id, id, Slug.of("x"), n, 0).name());
        return c.ok() ? Optional.of(new Site(id, org.get(), slug.get(), name.get(), version)) : Optional.empty();
    }

    @Override
    public Site create(Site value, String actor) {
        return web.store().sites().create(value, actor);
    }

    @Override
    public Site update(Site value, String actor) {
        return web.store().sites().update(value, actor);
    }

    @Override
    public void delete(UUID id, long version, String actor) {
        web.store().sites().delete(id, version, actor);
    }

    @Override
    public Optional<Site> find(Exchange x, UUID id) {
        return web.store().sites().find(SiteScope.allSites(), id);
    }

    @Override
    public UUID id(Site value) {
        return value.id();
    }

    @Override
    public String label(Site value) {
        return value.name();
    }
}
