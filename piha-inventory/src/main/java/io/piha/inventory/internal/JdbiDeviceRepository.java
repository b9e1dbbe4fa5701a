package io.piha.inventory.internal;

import io.piha.api.inventory.Device;
import io.piha.api.inventory.DeviceRepository;
import io.piha.api.inventory.MacAddress;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Devices in PostgreSQL. {@link #update} is the path of a person's edit: every field it changes becomes
 * owned by {@code manual}, so importers will not overwrite it (see {@code FieldOwnership}).
 */
public final class JdbiDeviceRepository implements DeviceRepository {

    /** The source name of edits made through this repository. */
    public static final String MANUAL = "manual";

    // metadata arrives as two text arrays (keys, values) that PostgreSQL takes out of the jsonb: a read of devices
    // parses no JSON in Java, which spares a short command the JSON library's start-up
    /** The metadata of device {@code d} as the row mapper reads it: two parallel arrays, keys sorted. */
    static final String METADATA_COLUMNS = " ARRAY(SELECT e.key FROM jsonb_each_text(d.metadata) e ORDER BY e.key) AS metadata_keys,"
            + " ARRAY(SELECT coalesce(e.value, '') FROM jsonb_each_text(d.metadata) e ORDER BY e.key) AS metadata_values,";
    static final String SELECT = "SELECT d.id, d.site_id, d.zone_id, d.parent_id, d.slug, d.name," + METADATA_COLUMNS
            + " d.version, ARRAY(SELECT m.mac::text FROM device_mac m WHERE m.device_id = d.id ORDER BY m.mac) AS macs"
            + " FROM device d";

    private final Transactions tx;

    /** @param tx the store's transactions */
    public JdbiDeviceRepository(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Device create(Device value, String actor) {
        return tx.write(actor, Optional.empty(), "create device " + value.slug(), h -> {
            h.createUpdate("INSERT INTO device (id, site_id, zone_id, parent_id, slug, name, metadata) VALUES"
                            + " (:id, :site, CAST(:zone AS uuid), CAST(:parent AS uuid), :slug, :name, CAST(:metadata AS jsonb))")
                    .bind("id", value.id()).bind("site", value.siteId())
                    .bindByType("zone", value.zoneId().orElse(null), UUID.class)
                    .bindByType("parent", value.parentId().orElse(null), UUID.class)
                    .bind("slug", value.slug().value()).bind("name", value.name())
                    .bind("metadata", Json.write(value.metadata())).execute();
            insertMacs(h, value.id(), value.siteId(), value.macs());
            for (String field : List.of("name", "zone", "parent", "metadata")) {
                own(h, value.id(), field);
            }
            return new Device(value.id(), value.siteId(), value.zoneId(), value.parentId(), value.slug(), value.name(),
                    value.macs(), value.metadata(), 0);
        });
    }

    @Override
    public Optional<Device> find(SiteScope scope, UUID id) {
        return tx.read("find device " + id, h -> Scopes.bind(h.createQuery(SELECT + " WHERE d.id = :id AND "
                + Scopes.condition("d.site_id", scope)), scope).bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public List<Device> list(SiteScope scope) {
        return tx.read("list devices", h -> Scopes.bind(h.createQuery(SELECT + " WHERE "
                + Scopes.condition("d.site_id", scope) + " ORDER BY d.site_id, d.slug"), scope)
                .map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public Optional<Device> findBySlug(UUID siteId, Slug slug) {
        return tx.read("find device " + slug, h -> h.createQuery(SELECT + " WHERE d.site_id = :site AND d.slug = :slug")
                .bind("site", siteId).bind("slug", slug.value()).map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public List<Device> findByMac(SiteScope scope, MacAddress mac) {
        return tx.read("find device by MAC " + mac, h -> Scopes.bind(h.createQuery(SELECT
                        + " JOIN device_mac dm ON dm.device_id = d.id WHERE dm.mac = CAST(:mac AS macaddr)"
                        + " AND dm.site_id IN (" + Scopes.sites(scope) + ")"), scope)
                .bind("mac", mac.value()).map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public Optional<Device> findBySourceKey(String sourceKey) {
        return tx.read("find device " + sourceKey, h -> h.createQuery(SELECT
                        + " JOIN integration_ref r ON r.device_id = d.id WHERE r.source_key = :key")
                .bind("key", sourceKey).map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public Device update(Device value, String actor) {
        return tx.write(actor, Optional.empty(), "update device " + value.slug(), h -> {
            Device before = h.createQuery(SELECT + " WHERE d.id = :id FOR UPDATE OF d").bind("id", value.id())
                    .map((rs, ctx) -> map(rs)).findOne().orElse(null);
            int rows = h.createUpdate("UPDATE device SET zone_id = CAST(:zone AS uuid), parent_id = CAST(:parent AS uuid),"
                            + " slug = :slug, name = :name, metadata = CAST(:metadata AS jsonb), version = version + 1"
                            + " WHERE id = :id AND site_id = :site AND version = :version")
                    .bind("id", value.id()).bind("site", value.siteId())
                    .bindByType("zone", value.zoneId().orElse(null), UUID.class)
                    .bindByType("parent", value.parentId().orElse(null), UUID.class)
                    .bind("slug", value.slug().value()).bind("name", value.name())
                    .bind("metadata", Json.write(value.metadata())).bind("version", value.version()).execute();
            Versioned.requireOneRow(h, rows, "device", value.id(), value.version());
            if (!Objects.equals(before.name(), value.name())) {
                own(h, value.id(), "name");
            }
            if (!Objects.equals(before.zoneId(), value.zoneId())) {
                own(h, value.id(), "zone");
            }
            if (!Objects.equals(before.parentId(), value.parentId())) {
                own(h, value.id(), "parent");
            }
            if (!Objects.equals(before.metadata(), value.metadata())) {
                own(h, value.id(), "metadata");
            }
            replaceMacs(h, before, value);
            return new Device(value.id(), value.siteId(), value.zoneId(), value.parentId(), value.slug(), value.name(),
                    value.macs(), value.metadata(), value.version() + 1);
        });
    }

    @Override
    public void delete(UUID id, long expectedVersion, String actor) {
        tx.write(actor, Optional.empty(), "delete device " + id, h -> {
            int rows = h.createUpdate("DELETE FROM device WHERE id = :id AND version = :version")
                    .bind("id", id).bind("version", expectedVersion).execute();
            Versioned.requireOneRow(h, rows, "device", id, expectedVersion);
            return null;
        });
    }

    private static void replaceMacs(Handle h, Device before, Device after) {
        List<MacAddress> gone = new ArrayList<>(before.macs());
        gone.removeAll(after.macs());
        List<MacAddress> added = new ArrayList<>(after.macs());
        added.removeAll(before.macs());
        for (MacAddress mac : gone) {
            h.createUpdate("DELETE FROM device_mac WHERE device_id = :id AND mac = CAST(:mac AS macaddr)")
                    .bind("id", after.id()).bind("mac", mac.value()).execute();
        }
        insertMacs(h, after.id(), after.siteId(), added);
    }

    private static void insertMacs(Handle h, UUID device, UUID site, List<MacAddress> macs) {
        for (MacAddress mac : macs) {
            h.createUpdate("INSERT INTO device_mac (site_id, mac, device_id) VALUES (:site, CAST(:mac AS macaddr), :id)")
                    .bind("site", site).bind("mac", mac.value()).bind("id", device).execute();
        }
    }

    private static void own(Handle h, UUID device, String field) {
        h.createUpdate("INSERT INTO device_field_owner (device_id, field, source) VALUES (:id, :field, :source)"
                        + " ON CONFLICT (device_id, field) DO UPDATE SET source = excluded.source")
                .bind("id", device).bind("field", field).bind("source", MANUAL).execute();
    }

    static Device map(ResultSet rs) throws SQLException {
        Array macs = rs.getArray("macs");
        List<MacAddress> list = new ArrayList<>();
        for (Object mac : (Object[]) macs.getArray()) {
            list.add(MacAddress.parse((String) mac));
        }
        return new Device(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class),
                Optional.ofNullable(rs.getObject("zone_id", UUID.class)),
                Optional.ofNullable(rs.getObject("parent_id", UUID.class)), Slug.of(rs.getString("slug")),
                rs.getString("name"), list, metadata(rs), rs.getLong("version"));
    }

    private static Map<String, String> metadata(ResultSet rs) throws SQLException {
        String[] keys = (String[]) rs.getArray("metadata_keys").getArray();
        String[] values = (String[]) rs.getArray("metadata_values").getArray();
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            m.put(keys[i], values[i]);
        }
        return m;
    }
}
