package io.piha.web.internal;

import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import io.piha.api.inventory.Zone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code /zones}: floors, rooms and cabinets, nested; shown as a tree, edited with the CLI's and the database's rules. */
public final class ZonePages implements Editor<Zone> {

    /**
     * A zone in its tree.
     *
     * @param zone the zone
     * @param depth 0 for a top-level zone
     * @param path the names from the top, e.g. {@code First floor / Kitchen}
     */
    public record Row(Zone zone, int depth, String path) {
    }

    private final Web web;

    ZonePages(Web web) {
        this.web = web;
    }

    void register(Router r) {
        r.get("/zones", x -> web.page(x, 200, "zones.jte", "Zones", "zones", Map.of("zones",
                tree(web.store().zones().list(web.scope(x))), "labels", web.siteLabels(x))));
        new CrudPages<>(web, this, "zones").register(r);
        r.get("/zones/{id}", x -> {
            Zone z = find(x, Web.uuid(x.param("id"))).orElseThrow(() ->
                    new InventoryException.NotFound("There is no zone " + x.param("id") + " in the sites you look at"));
            List<Row> all = tree(web.store().zones().list(SiteScope.of(z.siteId())));
            Row self = all.stream().filter(row -> row.zone().id().equals(z.id())).findFirst().orElseThrow();
            List<Row> children = all.stream().filter(row -> row.zone().parentId().equals(Optional.of(z.id()))).toList();
            var devices = web.store().devices().list(SiteScope.of(z.siteId())).stream()
                    .filter(d -> d.zoneId().equals(Optional.of(z.id()))).toList();
            web.page(x, 200, "zone.jte", z.name(), "zones", Map.of("zone", self, "children", children,
                    "devices", devices, "site", web.siteLabels(x).get(z.siteId())));
        });
    }

    /** The zones depth-first, each after its parent, siblings by name. */
    static List<Row> tree(List<Zone> zones) {
        Map<Optional<UUID>, List<Zone>> byParent = new HashMap<>();
        for (Zone z : zones) {
            byParent.computeIfAbsent(z.parentId(), k -> new ArrayList<>()).add(z);
        }
        byParent.values().forEach(l -> l.sort(Comparator.comparing(Zone::name)));
        List<Row> out = new ArrayList<>();
        walk(byParent, Optional.empty(), 0, "", out);
        return out;
    }

    private static void walk(Map<Optional<UUID>, List<Zone>> byParent, Optional<UUID> parent, int depth, String path,
                             List<Row> out) {
        for (Zone z : byParent.getOrDefault(parent, List.of())) {
            String here = path.isEmpty() ? z.name() : path + " / " + z.name();
            out.add(new Row(z, depth, here));
            walk(byParent, Optional.of(z.id()), depth + 1, here, out);
        }
    }

    @Override
    public String noun() {
        return "zone";
    }

    @Override
    public String base() {
        return "/zones";
    }

    @Override
    public List<Form.Field> fields(Exchange x, Optional<Zone> existing) {
        Form.Field site = web.siteField(x);
        SiteScope scope = existing.map(z -> SiteScope.of(z.siteId())).orElse(web.scope(x));
        Map<UUID, String> labels = web.siteLabels(x);
        List<Web.Option> parents = new ArrayList<>();
        parents.add(new Web.Option("", "(top level)", false));
        for (Row row : tree(web.store().zones().list(scope))) {
            if (existing.map(z -> !z.id().equals(row.zone().id())).orElse(true)) {
                String prefix = scope instanceof SiteScope.One ? "" : labels.get(row.zone().siteId()) + ": ";
                parents.add(new Web.Option(row.zone().id().toString(), prefix + row.path(), false));
            }
        }
        return List.of(existing.isPresent() ? site.lock() : site,
                Form.Field.text("slug", "Slug", "Unique within the site, e.g. kitchen"),
                Form.Field.text("name", "Name", "e.g. Kitchen"),
                Form.Field.select("parent", "Inside zone", parents, "The zone it is part of, if any"));
    }

    @Override
    public Map<String, String> values(Zone z) {
        return Map.of("site", z.siteId().toString(), "slug", z.slug().value(), "name", z.name(),
                "parent", z.parentId().map(UUID::toString).orElse(""), "version", String.valueOf(z.version()));
    }

    @Override
    public Map<String, String> defaults(Exchange x) {
        return Map.of("site", x.session().site().map(UUID::toString).orElse(""));
    }

    @Override
    public Optional<Zone> parse(Checks c, Optional<Zone> existing, long version) {
        UUID id = existing.map(Zone::id).orElseGet(UUID::randomUUID);
        Optional<UUID> site = existing.map(Zone::siteId).or(() -> c.field("site", Fields::requiredSite));
        Optional<Slug> slug = c.field("slug", Slug::of);
        Optional<String> name = c.field("name", n -> new Zone(id, id, Optional.empty(), Slug.of("x"), n, 0).name());
        Optional<Optional<UUID>> parent = c.field("parent", Fields::optionalId);
        if (!c.ok()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Zone(id, site.get(), parent.get(), slug.get(), name.get(), version));
        } catch (IllegalArgumentException e) {
            c.error("parent", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Zone create(Zone value, String actor) {
        return web.store().zones().create(value, actor);
    }

    @Override
    public Zone update(Zone value, String actor) {
        return web.store().zones().update(value, actor);
    }

    @Override
    public void delete(UUID id, long version, String actor) {
        web.store().zones().delete(id, version, actor);
    }

    @Override
    public Optional<Zone> find(Exchange x, UUID id) {
        return web.store().zones().find(web.scope(x), id);
    }

    @Override
    public UUID id(Zone value) {
        return value.id();
    }

    @Override
    public String label(Zone value) {
        return value.name();
    }
}
