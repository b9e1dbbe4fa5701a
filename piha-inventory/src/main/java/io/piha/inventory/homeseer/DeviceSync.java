package io.piha.inventory.homeseer;

import io.piha.inventory.FieldOwnership;
import io.piha.inventory.Slugs;
import io.piha.inventory.internal.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Applies one HomeSeer device to the inventory, inside the caller's transaction. */
final class DeviceSync {

    /** What happened to one device, and how many fields a stronger source kept. */
    record Outcome(Kind kind, int kept) {
        int ordinalCount() {
            return kind.ordinal();
        }
    }

    enum Kind { CREATED, UPDATED, UNCHANGED }

    private final UUID site;
    private final FieldOwnership ownership;
    private final PseudoLocations pseudo;

    DeviceSync(UUID site, FieldOwnership ownership, PseudoLocations pseudo) {
        this.site = site;
        this.ownership = ownership;
        this.pseudo = pseudo;
    }

    boolean unchangedSince(HsDevice d, Instant watermark) {
        return d.lastChange().map(t -> !t.isAfter(watermark)).orElse(true);
    }

    Outcome apply(Handle h, String key, HsDevice d, UUID run) {
        if (d.ref() <= 0) {
            throw new IllegalArgumentException("ref " + d.ref() + " is not a HomeSeer device reference");
        }
        Optional<UUID> zone = zoneOf(h, d);
        Map<String, String> facts = facts(d);
        Optional<Current> found = h.createQuery("SELECT d.id, d.name, d.zone_id, d.metadata::text AS metadata"
                        + " FROM device d JOIN integration_ref r ON r.device_id = d.id"
                        + " WHERE r.source_key = :key AND d.site_id = :site FOR UPDATE OF d")
                .bind("key", key).bind("site", site)
                .map((rs, ctx) -> new Current(rs.getObject("id", UUID.class), rs.getString("name"),
                        Optional.ofNullable(rs.getObject("zone_id", UUID.class)), Json.readMap(rs.getString("metadata"))))
                .findOne();
        if (found.isEmpty()) {
            create(h, key, d, zone, facts);
            return new Outcome(Kind.CREATED, 0);
        }
        Current c = found.get();
        Map<String, String> owners = h.createQuery("SELECT field, source FROM device_field_owner WHERE device_id = :id")
                .bind("id", c.id()).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        int kept = 0;
        String name = c.name();
        if (!name.equals(d.name())) {
            if (ownership.mayOverwrite("name", owners.get("name"), HomeSeerImporter.SOURCE)) {
                name = d.name();
                own(h, c.id(), "name");
            } else if (!d.name().equals(c.metadata().get("homeseer.name"))) {
                kept += keep(h, c, run, "name", c.name(), owners.get("name"), d.name());
            }
        }
        Optional<UUID> zoneId = c.zone();
        if (!zoneId.equals(zone)) {
            if (ownership.mayOverwrite("zone", owners.get("zone"), HomeSeerImporter.SOURCE)) {
                zoneId = zone;
                own(h, c.id(), "zone");
            } else if (!Objects.equals(facts.get("homeseer.location"), c.metadata().get("homeseer.location"))
                    || !Objects.equals(facts.get("homeseer.location2"), c.metadata().get("homeseer.location2"))) {
                kept += keep(h, c, run, "zone", String.valueOf(c.zone().orElse(null)), owners.get("zone"),
                        String.valueOf(zone.orElse(null)));
            }
        }
        Map<String, String> metadata = new HashMap<>(c.metadata());
        metadata.keySet().removeIf(k -> k.startsWith("homeseer."));
        metadata.putAll(facts);
        if (name.equals(c.name()) && zoneId.equals(c.zone()) && metadata.equals(c.metadata())) {
            return new Outcome(Kind.UNCHANGED, kept);
        }
        h.createUpdate("UPDATE device SET name = :name, zone_id = CAST(:zone AS uuid), metadata = CAST(:metadata AS jsonb),"
                        + " version = version + 1 WHERE id = :id")
                .bind("name", name).bindByType("zone", zoneId.orElse(null), UUID.class)
                .bind("metadata", Json.write(metadata)).bind("id", c.id()).execute();
        return new Outcome(Kind.UPDATED, kept);
    }

    private void create(Handle h, String key, HsDevice d, Optional<UUID> zone, Map<String, String> facts) {
        UUID id = UUID.randomUUID();
        h.createUpdate("INSERT INTO device (id, site_id, zone_id, slug, name, metadata)"
                        + " VALUES (:id, :site, CAST(:zone AS uuid), :slug, :name, CAST(:metadata AS jsonb))")
                .bind("id", id).bind("site", site).bindByType("zone", zone.orElse(null), UUID.class)
                .bind("slug", HomeSeerImporter.deviceSlug(d).value()).bind("name", d.name())
                .bind("metadata", Json.write(facts)).execute();
        h.createUpdate("INSERT INTO integration_ref (source_key, device_id, site_id) VALUES (:key, :id, :site)")
                .bind("key", key).bind("id", id).bind("site", site).execute();
        own(h, id, "name");
        own(h, id, "zone");
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

    private static Map<String, String> facts(HsDevice d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("homeseer.ref", String.valueOf(d.ref()));
        m.put("homeseer.name", d.name());
        m.put("homeseer.location", d.location());
        m.put("homeseer.location2", d.location2());
        m.put("homeseer.device_type", d.deviceType());
        m.put("homeseer.interface", d.interfaceName());
        m.put("homeseer.relationship", d.relationship().name().toLowerCase(java.util.Locale.ROOT));
        m.put("homeseer.associated_devices", d.associatedDevices().stream().map(String::valueOf)
                .collect(Collectors.joining(",")));
        m.put("homeseer.status", d.status());
        m.put("homeseer.value", d.value());
        d.lastChange().ifPresent(t -> m.put("homeseer.last_change", t.toString()));
        return m;
    }

    private static void own(Handle h, UUID device, String field) {
        h.createUpdate("INSERT INTO device_field_owner (device_id, field, source) VALUES (:id, :field, :source)"
                        + " ON CONFLICT (device_id, field) DO UPDATE SET source = excluded.source")
                .bind("id", device).bind("field", field).bind("source", HomeSeerImporter.SOURCE).execute();
    }

    private int keep(Handle h, Current c, UUID run, String field, String value, String owner, String offered) {
        h.createUpdate("INSERT INTO audit_log (at, actor, action, object_type, object_id, site_id, before, after,"
                        + " import_run_id) VALUES (audit_at(), audit_actor(), 'keep-field', 'device', :id, :site,"
                        + " jsonb_build_object(:field, :value, 'owner', :owner),"
                        + " jsonb_build_object(:field, :offered, 'source', :source), :run)")
                .bind("id", c.id()).bind("site", site).bind("field", field).bind("value", value)
                .bind("owner", owner).bind("offered", offered).bind("source", HomeSeerImporter.SOURCE)
                .bind("run", run).execute();
        return 1;
    }

    private record Current(UUID id, String name, Optional<UUID> zone, Map<String, String> metadata) {
    }
}
