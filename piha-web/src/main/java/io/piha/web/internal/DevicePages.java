package io.piha.web.internal;

import io.piha.api.inventory.Device;
import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.MacAddress;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import io.piha.inventory.query.InventoryQueries;
import io.piha.inventory.query.InventoryQueries.DeviceQuery;
import io.piha.inventory.query.InventoryQueries.Field;
import io.piha.inventory.query.InventoryQueries.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@code /devices}: search by name, MAC, IP or vendor with paging and sorting; detail; create, edit, delete. */
public final class DevicePages implements Editor<Device> {

    /** Devices per page. */
    static final int PAGE_SIZE = 50;

    /**
     * A search and its page of results.
     *
     * @param q the text
     * @param field where to look ({@code any}, {@code name}, {@code mac}, {@code ip}, {@code vendor})
     * @param sort the order ({@code name}, {@code slug}, {@code last_seen}, {@code ip})
     * @param descending reversed
     * @param page 1-based page number
     * @param pages pages in all (at least 1)
     * @param result the page
     * @param sites site labels by id
     */
    public record Search(String q, String field, String sort, boolean descending, int page, long pages,
                         InventoryQueries.DevicePage result, Map<UUID, String> sites) {

        /** The address of this search with another page, order or direction. */
        public String link(int toPage, String bySort, boolean desc) {
            return "/devices?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)
                    + "&field=" + field + "&sort=" + bySort + (desc ? "&dir=desc" : "") + "&page=" + toPage;
        }

        /** The link of a column header: this order reversed if it is the current one. */
        public String sortLink(String bySort) {
            return link(1, bySort, bySort.equals(sort) && !descending);
        }

        /** aria-sort of a column header. */
        public String ariaSort(String column) {
            return !column.equals(sort) ? "none" : descending ? "descending" : "ascending";
        }
    }

    private final Web web;

    DevicePages(Web web) {
        this.web = web;
    }

    void register(Router r) {
        r.get("/devices", this::search);
        new CrudPages<>(web, this, "devices").register(r);
        r.get("/devices/{id}", x -> {
            Device d = find(x, Web.uuid(x.param("id"))).orElseThrow(() -> new InventoryException.NotFound(
                    "There is no device " + x.param("id") + " in the sites you are looking at"));
            var summary = web.queries().device(SiteScope.of(d.siteId()), d.id(), web.onlineSince()).orElseThrow();
            var sightings = d.macs().stream().flatMap(m -> web.store().sightings()
                    .findByMac(SiteScope.of(d.siteId()), m).stream()).toList();
            web.page(x, 200, "device.jte", d.name(), "devices", Map.of("summary", summary, "sightings", sightings,
                    "site", web.siteLabels(x).get(d.siteId()), "metadata", new java.util.TreeMap<>(d.metadata())));
        });
    }

    private void search(Exchange x) {
        String field = choice(x.query("field"), "any", Field.class);
        String sort = choice(x.query("sort"), "name", Sort.class);
        boolean desc = x.query("dir").map("desc"::equals).orElse(false);
        int page = x.query("page").map(DevicePages::positive).orElse(1);
        String q = x.query("q").orElse("");
        var result = web.queries().search(web.scope(x), new DeviceQuery(q, Field.valueOf(field.toUpperCase(Locale.ROOT)),
                Sort.valueOf(sort.toUpperCase(Locale.ROOT)), desc, (page - 1) * PAGE_SIZE, PAGE_SIZE), web.onlineSince());
        long pages = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        Search view = new Search(q, field, sort, desc, page, pages, result, web.siteLabels(x));
        if (x.isHtmx() && x.header("HX-Target").map("results"::equals).orElse(false)) {
            web.fragment(x, 200, "device-results.jte", Map.of("search", view));
        } else {
            web.page(x, 200, "devices.jte", "Devices", "devices", Map.of("search", view));
        }
    }

    private static <E extends Enum<E>> String choice(Optional<String> value, String fallback, Class<E> type) {
        String v = value.orElse(fallback).toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(v)) {
                return v;
            }
        }
        throw new WebServer.BadRequest("'" + v + "' is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    private static int positive(String text) {
        try {
            return Math.max(1, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new WebServer.BadRequest("page '" + text + "' is not a number");
        }
    }

    @Override
    public String noun() {
        return "device";
    }

    @Override
    public String base() {
        return "/devices";
    }

    @Override
    public List<Form.Field> fields(Exchange x, Optional<Device> existing) {
        Form.Field site = web.siteField(x);
        SiteScope scope = existing.map(d -> SiteScope.of(d.siteId())).orElse(web.scope(x));
        Map<UUID, String> labels = web.siteLabels(x);
        List<Web.Option> zones = new ArrayList<>();
        zones.add(new Web.Option("", "(no zone)", false));
        for (ZonePages.Row row : ZonePages.tree(web.store().zones().list(scope))) {
            String prefix = scope instanceof SiteScope.One ? "" : labels.get(row.zone().siteId()) + ": ";
            zones.add(new Web.Option(row.zone().id().toString(), prefix + row.path(), false));
        }
        return List.of(existing.isPresent() ? site.lock() : site,
                Form.Field.text("slug", "Slug", "Unique within the site, e.g. kitchen-pi"),
                Form.Field.text("name", "Name", "e.g. Kitchen Raspberry Pi"),
                Form.Field.select("zone", "Zone", zones, "Where it is"),
                Form.Field.lines("macs", "MAC addresses", "One per line, any notation (aa:bb:cc:dd:ee:ff, aabb.ccdd.eeff)"),
                Form.Field.lines("metadata", "Metadata", "key=value, one per line"));
    }

    @Override
    public Map<String, String> values(Device d) {
        return Map.of("site", d.siteId().toString(), "slug", d.slug().value(), "name", d.name(),
                "zone", d.zoneId().map(UUID::toString).orElse(""),
                "macs", d.macs().stream().map(MacAddress::value).collect(Collectors.joining("\n")),
                "metadata", Fields.metadataText(d.metadata()), "version", String.valueOf(d.version()));
    }

    @Override
    public Map<String, String> defaults(Exchange x) {
        return Map.of("site", x.session().site().map(UUID::toString).orElse(""));
    }

    @Override
    public Optional<Device> parse(Checks c, Optional<Device> existing, long version) {
        UUID id = existing.map(Device::id).orElseGet(UUID::randomUUID);
        Optional<UUID> site = existing.map(Device::siteId).or(() -> c.field("site", Fields::requiredSite));
        Optional<Slug> slug = c.field("slug", Slug::of);
        Optional<String> name = c.field("name", n -> new Device(id, id, Optional.empty(), Optional.empty(), Slug.of("x"), n, List.of(),
                Map.of(), 0).name());
        Optional<Optional<UUID>> zone = c.field("zone", Fields::optionalId);
        Optional<List<MacAddress>> macs = c.field("macs", Fields::macs);
        Optional<Map<String, String>> metadata = c.field("metadata", Fields::metadata);
        // The parent comes from HomeSeer's imports; the form does not edit it, and an edit keeps it.
        Optional<UUID> parent = existing.flatMap(Device::parentId);
        return c.ok() ? Optional.of(new Device(id, site.get(), zone.get(), parent, slug.get(), name.get(), macs.get(),
                metadata.get(), version)) : Optional.empty();
    }

    @Override
    public Device create(Device value, String actor) {
        return web.store().devices().create(value, actor);
    }

    @Override
    public Device update(Device value, String actor) {
        return web.store().devices().update(value, actor);
    }

    @Override
    public void delete(UUID id, long version, String actor) {
        web.store().devices().delete(id, version, actor);
    }

    @Override
    public Optional<Device> find(Exchange x, UUID id) {
        return web.store().devices().find(web.scope(x), id);
    }

    @Override
    public UUID id(Device value) {
        return value.id();
    }

    @Override
    public String label(Device value) {
        return value.name();
    }
}
