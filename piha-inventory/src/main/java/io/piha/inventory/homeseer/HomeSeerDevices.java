package io.piha.inventory.homeseer;

import io.piha.inventory.InventoryStore;
import io.piha.inventory.internal.Transactions;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * HomeSeer's facts about inventory devices (table {@code homeseer_device}): read them for a device or a site.
 * The importer writes them. Thread-safe.
 *
 * @since 0.1
 */
public final class HomeSeerDevices {

    private static final String SELECT = "SELECT device_id, site_id, ref, name, location, location2, pseudo_locations,"
            + " relationship, associated_refs, device_type, interface_name, value, status, last_change, hidden,"
            + " user_note, misc, import_run_id FROM homeseer_device";

    private final Transactions tx;

    /** @param store the inventory */
    public HomeSeerDevices(InventoryStore store) {
        this.tx = Objects.requireNonNull(store, "store").transactions();
    }

    /** What HomeSeer said about this device, if it is a HomeSeer device. */
    public Optional<HomeSeerFacts> find(UUID deviceId) {
        return tx.read("HomeSeer facts of device " + deviceId, h -> h.createQuery(SELECT + " WHERE device_id = :id")
                .bind("id", deviceId).map((rs, ctx) -> map(rs)).findOne());
    }

    /** Every HomeSeer device of a site, by ref. */
    public List<HomeSeerFacts> list(UUID siteId) {
        return tx.read("HomeSeer facts of site " + siteId, h -> bySite(h, siteId)).values().stream()
                .sorted((a, b) -> Integer.compare(a.reported().ref(), b.reported().ref())).toList();
    }

    static Map<Integer, HomeSeerFacts> bySite(Handle h, UUID siteId) {
        return h.createQuery(SELECT + " WHERE site_id = :site").bind("site", siteId).map((rs, ctx) -> map(rs)).stream()
                .collect(Collectors.toMap(f -> f.reported().ref(), Function.identity()));
    }

    /** Stores the facts of one device, replacing the previous ones. */
    static void write(Handle h, HomeSeerFacts f) {
        HsDevice d = f.reported();
        h.createUpdate("""
                        INSERT INTO homeseer_device (device_id, site_id, ref, name, location, location2, pseudo_locations,
                            relationship, parent_ref, associated_refs, device_type, interface_name, value, status,
                            last_change, hidden, user_note, misc, import_run_id)
                        VALUES (:device, :site, :ref, :name, :location, :location2, CAST(:pseudo AS text[]),
                            :relationship, :parent, CAST(:associated AS integer[]), :type, :interface, :value, :status,
                            :lastChange, :hidden, :note, :misc, :run)
                        ON CONFLICT (device_id) DO UPDATE SET ref = excluded.ref, name = excluded.name,
                            location = excluded.location, location2 = excluded.location2,
                            pseudo_locations = excluded.pseudo_locations, relationship = excluded.relationship,
                            parent_ref = excluded.parent_ref, associated_refs = excluded.associated_refs,
                            device_type = excluded.device_type, interface_name = excluded.interface_name,
                            value = excluded.value, status = excluded.status, last_change = excluded.last_change,
                            hidden = excluded.hidden, user_note = excluded.user_note, misc = excluded.misc,
                            import_run_id = excluded.import_run_id""")
                .bind("device", f.deviceId()).bind("site", f.siteId()).bind("ref", d.ref()).bind("name", d.name())
                .bind("location", d.location()).bind("location2", d.location2())
                .bindArray("pseudo", String.class, f.pseudoLocations())
                .bind("relationship", d.relationship().name().toLowerCase(java.util.Locale.ROOT))
                .bindByType("parent", d.parentRef().isPresent() ? d.parentRef().getAsInt() : null, Integer.class)
                .bindArray("associated", Integer.class, d.associatedDevices())
                .bind("type", d.deviceType()).bind("interface", d.interfaceName())
                .bindByType("value", d.value().isPresent() ? d.value().getAsDouble() : null, Double.class)
                .bind("status", d.status()).bindByType("lastChange", d.lastChange().orElse(null), java.time.Instant.class)
                .bind("hidden", d.hidden()).bind("note", d.userNote())
                .bindByType("misc", d.misc().isPresent() ? d.misc().getAsLong() : null, Long.class)
                .bindByType("run", f.importRunId().orElse(null), UUID.class).execute();
    }

    private static HomeSeerFacts map(ResultSet rs) throws SQLException {
        double value = rs.getDouble("value");
        OptionalDouble v = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
        long misc = rs.getLong("misc");
        OptionalLong m = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(misc);
        Timestamp last = rs.getTimestamp("last_change");
        HsDevice d = new HsDevice(rs.getInt("ref"), rs.getString("name"), rs.getString("location"),
                rs.getString("location2"), rs.getString("device_type"), rs.getString("interface_name"),
                HsDevice.Relationship.valueOf(rs.getString("relationship").toUpperCase(java.util.Locale.ROOT)),
                Arrays.asList((Integer[]) array(rs.getArray("associated_refs"))), v, rs.getString("status"),
                Optional.ofNullable(last).map(Timestamp::toInstant), rs.getBoolean("hidden"), rs.getString("user_note"), m);
        return new HomeSeerFacts(rs.getObject("device_id", UUID.class), rs.getObject("site_id", UUID.class), d,
                Arrays.asList((String[]) array(rs.getArray("pseudo_locations"))),
                Optional.ofNullable(rs.getObject("import_run_id", UUID.class)));
    }

    private static Object array(Array a) throws SQLException {
        return a.getArray();
    }
}
