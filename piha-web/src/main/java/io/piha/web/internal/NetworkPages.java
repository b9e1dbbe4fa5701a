package io.piha.web.internal;

import io.piha.api.inventory.Cidr;
import io.piha.api.inventory.Device;
import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.IpAllocation;
import io.piha.api.inventory.Network;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** {@code /networks}: a site's IP networks (CIDR, VLAN) and the addresses allocated in them. */
final class NetworkPages implements Editor<Network> {

    private final Web web;

    NetworkPages(Web web) {
        this.web = web;
    }

    void register(Router r) {
        r.get("/networks", x -> web.page(x, 200, "networks.jte", "Networks", "networks", Map.of("networks",
                web.store().networks().list(web.scope(x)), "labels", web.siteLabels(x))));
        new CrudPages<>(web, this, "networks").register(r);
        r.get("/networks/{id}", x -> detail(x, found(x), Map.of(), Map.of(), 200));
        r.post("/networks/{id}/allocations", this::allocate);
    }

    private Network found(Exchange x) {
        return find(x, Web.uuid(x.param("id"))).orElseThrow(() -> new InventoryException.NotFound(
                "There is no network " + x.param("id") + " in the sites you are looking at"));
    }

    private void detail(Exchange x, Network n, Map<String, String> typed, Map<String, String> errors, int status) {
        List<IpAllocation> allocations = web.store().networks().allocations(SiteScope.of(n.siteId())).stream()
                .filter(a -> a.networkId().equals(n.id())).toList();
        Map<UUID, Device> devices = new HashMap<>();
        allocations.forEach(a -> a.deviceId().ifPresent(id -> web.store().devices().find(SiteScope.of(n.siteId()), id)
                .ifPresent(d -> devices.put(id, d))));
        web.page(x, status, "network.jte", n.name(), "networks", Map.of("network", n, "allocations", allocations,
                "devices", devices, "site", web.siteLabels(x).get(n.siteId()), "typed", typed, "errors", errors));
    }

    private void allocate(Exchange x) {
        Network n = found(x);
        Checks c = new Checks(x.form());
        Optional<IpAddress> ip = c.field("ip", IpAddress::parse);
        Optional<Optional<UUID>> device = c.field("device", slug -> slug.isEmpty() ? Optional.empty()
                : Optional.of(web.store().devices().findBySlug(n.siteId(), Slug.of(slug)).orElseThrow(() ->
                        new IllegalArgumentException("this site has no device '" + slug + "'")).id()));
        if (c.ok()) {
            try {
                web.store().networks().allocate(n.id(), ip.get(), device.get(), x.user());
                x.session().flash("Allocated " + ip.get() + ".");
                x.redirect("/networks/" + n.id());
                return;
            } catch (InventoryException e) {
                c.error("ip", e.getMessage());
            }
        }
        detail(x, n, x.form(), c.errors(), 422);
    }

    @Override
    public String noun() {
        return "network";
    }

    @Override
    public String base() {
        return "/networks";
    }

    @Override
    public List<Form.Field> fields(Exchange x, Optional<Network> existing) {
        Form.Field site = web.siteField(x);
        return List.of(existing.isPresent() ? site.lock() : site,
                Form.Field.text("cidr", "CIDR", "The network address and prefix, e.g. 192.168.68.0/24"),
                Form.Field.text("name", "Name", "e.g. Main LAN"),
                Form.Field.text("vlan", "VLAN", "1-4094, or empty if untagged"));
    }

    @Override
    public Map<String, String> values(Network n) {
        return Map.of("site", n.siteId().toString(), "cidr", n.cidr().toString(), "name", n.name(),
                "vlan", n.vlan().isPresent() ? String.valueOf(n.vlan().getAsInt()) : "",
                "version", String.valueOf(n.version()));
    }

    @Override
    public Map<String, String> defaults(Exchange x) {
        return Map.of("site", x.session().site().map(UUID::toString).orElse(""));
    }

    @Override
    public Optional<Network> parse(Checks c, Optional<Network> existing, long version) {
        UUID id = existing.map(Network::id).orElseGet(UUID::randomUUID);
        Optional<UUID> site = existing.map(Network::siteId).or(() -> c.field("site", Fields::requiredSite));
        Optional<Cidr> cidr = c.field("cidr", Cidr::parse);
        Cidr any = Cidr.parse("10.0.0.0/8");
        Optional<String> name = c.field("name", v -> new Network(id, id, any, OptionalInt.empty(), v, 0).name());
        Optional<OptionalInt> vlan = c.field("vlan", v -> {
            if (v.isEmpty()) {
                return OptionalInt.empty();
            }
            if (!v.chars().allMatch(Character::isDigit) || v.length() > 5) {
                throw new IllegalArgumentException("invalid VLAN id '" + v + "': expected 1-4094");
            }
            return new Network(id, id, any, OptionalInt.of(Integer.parseInt(v)), "x", 0).vlan();
        });
        return c.ok() ? Optional.of(new Network(id, site.get(), cidr.get(), vlan.get(), name.get(), version))
                : Optional.empty();
    }

    @Override
    public Network create(Network value, String actor) {
        return web.store().networks().create(value, actor);
    }

    @Override
    public Network update(Network value, String actor) {
        return web.store().networks().update(value, actor);
    }

    @Override
    public void delete(UUID id, long version, String actor) {
        web.store().networks().delete(id, version, actor);
    }

    @Override
    public Optional<Network> find(Exchange x, UUID id) {
        return web.store().networks().find(web.scope(x), id);
    }

    @Override
    public UUID id(Network value) {
        return value.id();
    }

    @Override
    public String label(Network value) {
        return value.name() + " (" + value.cidr() + ")";
    }
}
