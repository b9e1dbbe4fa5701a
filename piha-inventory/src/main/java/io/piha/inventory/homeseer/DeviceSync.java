package io.piha.inventory.homeseer;

import io.piha.inventory.FieldOwnership;
import io.piha.inventory.Slugs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Applies one HomeSeer device to the inventory, inside the caller's transaction: the device (name, zone and
 * parent, each as {@link FieldOwnership} allows) and HomeSeer's facts about it.
 */
final class DeviceSync {

    /** What happened to one device, and how many fields a stronger source kept. */
    record Outcome(Kind kind, int kept) {
    }

    enum Kind { CREATED, UPDATED, UNCHANGED }

    private final UUID site;
    private final String prefix;
    private final FieldOwnership ownership;
    private final PseudoLocations pseudo;

    /** @param prefix the source keys' start, {@code homeseer:<site>:} */
    DeviceSync(UUID site, String prefix, FieldOwnership ownership, PseudoLocations pseudo) {
        this.site = site;
        this.prefix = prefix;
        this.ownership = ownership;
        this.pseudo = pseudo;
    }

    /** The location names of a device that name no place, in HomeSeer's order (location, then location2). */
    List<String> pseudoNames(HsDevice d) {
        List<String> names = new ArrayList<>();
        for (String l : List.of(d.location(), d.location2())) {
            if (!l.isBlank() && !pseudo.isPlace(l) && !names.contains(l.strip())) {
                names.add(l.strip());
            }
        }
        return names;
    }

    Outcome apply(Handle h, HsDevice d, Optional<HomeSeerFacts> stored, UUID run) {
        Optional<UUID> zone = zoneOf(h, d);
        Optional<UUID> parent = d.parentRef().isPresent() ? deviceOf(h, prefix + d.parentRef().getAsInt())
                : Optional.empty();
        Optional<Current> found = h.createQuery("SELECT d.id, d.name, d.zone_id, d.parent_id FROM device d"
                        + " JOIN integration_ref r ON r.device_id = d.id"
                        + " WHERE r.source_key = :key AND d.site_id = :site FOR UPDATE OF d")
                .bind("key", prefix + d.ref()).bind("site", site)
                .map((rs, ctx) -> new Current(rs.getObject("id", UUID.class), rs.getString("name"),
                        Optional.ofNullable(rs.getObject("zone_id", UUID.class)),
                        Optional.ofNullable(rs.getObject("parent_id", UUID.class))))
                .findOne();
        if (found.isEmpty()) {
            UUID id = create(h, d, zone, parent);
            HomeSeerDevices.write(h, new HomeSeerFacts(id, site, d, pseudoNames(d), Optional.of(run)));
            return new Outcome(Kind.CREATED, 0);
        }
        return update(h, found.get(), d, zone, parent, stored, run);
    }

    /** Brings a known device and its facts up to date, as far as {@link FieldOwnership} lets HomeSeer. */
    private Outcome update(Handle h, Current c, HsDevice d, Optional<UUID> zone, Optional<UUID> parent,
                           Optional<HomeSeerFacts> stored, UUID run) {
        Optional<HsDevice> before = stored.map(HomeSeerFacts::reported);
        Fields fields = new Fields(h, c.id(), run, owners(h, c.id()));
        String name = fields.decide("name", c.name(), d.name(), before.map(HsDevice::name).equals(Optional.of(d.name())));
        Optional<UUID> zoneId = fields.decide("zone", c.zone(), zone, before.map(b -> b.location().equals(d.location())
                && b.location2().equals(d.location2())).orElse(false));
        Optional<UUID> parentId = fields.decide("parent", c.parent(), parent,
                before.map(b -> b.parentRef().equals(d.parentRef())).orElse(false));
        boolean deviceChanged = !name.equals(c.name()) || !zoneId.equals(c.zone()) || !parentId.equals(c.parent());
        if (deviceChanged) {
            h.createUpdate("UPDATE device SET name = :name, zone_id = CAST(:zone AS uuid),"
                            + " parent_id = CAST(:parent AS uuid), version = version + 1 WHERE id = :id")
                    .bind("name", name).bindByType("zone", zoneId.orElse(null), UUID.class)
                    .bindByType("parent", parentId.orElse(null), UUID.class).bind("id", c.id()).execute();
        }
        HomeSeerFacts facts = new HomeSeerFacts(c.id(), site, d, pseudoNames(d), Optional.of(run));
        boolean factsChanged = stored.isEmpty() || !stored.get().reported().equals(d)
                || !stored.get().pseudoLocations().equals(facts.pseudoLocations());
        if (factsChanged) {
            HomeSeerDevices.write(h, facts);
        }
        return new Outcome(deviceChanged || factsChanged ? Kind.UPDATED : Kind.UNCHANGED, fields.kept);
    }

    private static Map<String, String> owners(Handle h, UUID device) {
        return h.createQuery("SELECT field, source FROM device_field_owner WHERE device_id = :id")
                .bind("id", device).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private UUID create(Handle h, HsDevice d, Optional<UUID> zone, Optional<UUID> parent) {
        UUID id = UUID.randomUUID();
        h.createUpdate("INSERT INTO device (id, site_id, zone_id, parent_id, slug, name) VALUES (:id, :site,"
                        + " CAST(:zone AS uuid), CAST(:parent AS uuid), :slug, :name)")
                .bind("id", id).bind("site", site).bindByType("zone", zone.orElse(null), UUID.class)
                .bindByType("parent", parent.orElse(null), UUID.class)
                .bind("slug", HomeSeerImporter.deviceSlug(d).value()).bind("name", d.name()).execute();
        h.createUpdate("INSERT INTO integration_ref (source_key, device_id, site_id) VALUES (:key, :id, :site)")
                .bind("key", prefix + d.ref()).bind("id", id).bind("site", site).execute();
        for (String field : List.of("name", "zone", "parent")) {
            own(h, id, field);
        }
        return id;
    }

    private Optional<UUID> deviceOf(Handle h, String key) {
        return h.createQuery("SELECT device_id FROM integration_ref WHERE source_key = :key AND site_id = :site")
                .bind("key", key).bind("site", site).mapTo(UUID.class).findOne();
    }

    private Optional<UUID> zoneOf(Handle h, HsDevice d) {
        Optional<UUID> floor = pseudo.isPlace(d.location2())
                ? Optional.of(ensureZone(h, Optional.empty(), d.location2(), d.location2()))
                : Optional.empty();
        if (!pseudo.isPlace(d.location())) {
            return floor;
        }
        String slugSource = floor.isPresent() ? d.location2() + " " + d.location() : d.location();
        return Optional.of(ensureZone(h, floor, d.location(), slugSource));
    }

    private UUID ensureZone(Handle h, Optional<UUID> parent, String name, String slugSource) {
        String slug = Slugs.from(slugSource, "zone").value();
        return h.createQuery("SELECT id FROM zone WHERE site_id = :site AND slug = :slug")
                .bind("site", site).bind("slug", slug).mapTo(UUID.class).findOne()
                .orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    h.createUpdate("INSERT INTO zone (id, site_id, parent_id, slug, name)"
                                    + " VALUES (:id, :site, CAST(:parent AS uuid), :slug, :name)")
                            .bind("id", id).bind("site", site).bindByType("parent", parent.orElse(null), UUID.class)
                            .bind("slug", slug).bind("name", name.strip()).execute();
                    return id;
                });
    }

    private static void own(Handle h, UUID device, String field) {
        h.createUpdate("INSERT INTO device_field_owner (device_id, field, source) VALUES (:id, :field, :source)"
                        + " ON CONFLICT (device_id, field) DO UPDATE SET source = excluded.source")
                .bind("id", device).bind("field", field).bind("source", HomeSeerImporter.SOURCE).execute();
    }

    /** Decides each field: HomeSeer's value where it may overwrite, else the current one with a trace. */
    private final class Fields {
        private final Handle h;
        private final UUID device;
        private final UUID run;
        private final Map<String, String> owners;
        private int kept;

        Fields(Handle h, UUID device, UUID run, Map<String, String> owners) {
            this.h = h;
            this.device = device;
            this.run = run;
            this.owners = owners;
        }

        /**
         * @param sameAsLastTime whether HomeSeer said the same at the last sync: a refusal is audited once, when
         *                       HomeSeer's value changes, not at every sync
         */
        <T> T decide(String field, T current, T offered, boolean sameAsLastTime) {
            if (Objects.equals(current, offered)) {
                return current;
            }
            if (ownership.mayOverwrite(field, owners.get(field), HomeSeerImporter.SOURCE)) {
                own(h, device, field);
                return offered;
            }
            if (!sameAsLastTime) {
                h.createUpdate("INSERT INTO audit_log (at, actor, action, object_type, object_id, site_id, before,"
                                + " after, import_run_id) VALUES (audit_at(), audit_actor(), 'keep-field', 'device', :id,"
                                + " :site, json_build_object(:field, :value, 'owner', :owner),"
                                + " json_build_object(:field, :offered, 'source', :source), :run)")
                        .bind("id", device).bind("site", site).bind("field", field).bind("value", text(current))
                        .bind("owner", owners.get(field)).bind("offered", text(offered))
                        .bind("source", HomeSeerImporter.SOURCE).bind("run", run).execute();
                kept++;
            }
            return current;
        }

        private String text(Object value) {
            return value instanceof Optional<?> o ? o.map(String::valueOf).orElse(null) : String.valueOf(value);
        }
    }

    private record Current(UUID id, String name, Optional<UUID> zone, Optional<UUID> parent) {
    }
}
