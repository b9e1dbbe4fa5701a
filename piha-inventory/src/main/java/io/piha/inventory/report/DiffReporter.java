package io.piha.inventory.report;

import io.piha.api.inventory.InventoryException;
import io.piha.inventory.InventoryStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Compares what was seen on a site with what people recorded: new devices, missing devices, IP conflicts and
 * moved MACs. Reads only; thread-safe.
 *
 * @since 0.1
 */
public final class DiffReporter {

    private static final String NEW = """
            SELECT s.mac::text AS mac, host(s.ip) AS ip, d.slug AS device, s.last_seen,
                   'first seen ' || s.first_seen || ' by ' || s.source
                   || coalesce(' as ' || s.hostname, '') || coalesce(' (' || s.vendor || ')', '') AS detail
            FROM sighting s
            LEFT JOIN device_mac dm ON dm.site_id = s.site_id AND dm.mac = s.mac
            LEFT JOIN device d ON d.id = dm.device_id
            WHERE s.site_id = :site AND s.first_seen >= :since
            ORDER BY s.first_seen, s.mac""";

    private static final String MISSING = """
            SELECT dm.mac::text AS mac, coalesce(host(last.ip), '') AS ip, d.slug AS device, last.last_seen,
                   'not seen since ' || last.last_seen AS detail
            FROM device d
            JOIN device_mac dm ON dm.device_id = d.id
            JOIN LATERAL (SELECT s.ip, s.last_seen FROM sighting s WHERE s.site_id = d.site_id AND s.mac = dm.mac
                          ORDER BY s.last_seen DESC LIMIT 1) last ON true
            WHERE d.site_id = :site AND last.last_seen < :since
            ORDER BY last.last_seen, dm.mac""";

    private static final String CONFLICTS = """
            SELECT s.mac::text AS mac, host(s.ip) AS ip, d.slug AS device, s.last_seen,
                   'address also seen on ' || other.mac AS detail
            FROM sighting s
            JOIN sighting other ON other.site_id = s.site_id AND other.ip = s.ip AND other.mac <> s.mac
            LEFT JOIN device_mac dm ON dm.site_id = s.site_id AND dm.mac = s.mac
            LEFT JOIN device d ON d.id = dm.device_id
            WHERE s.site_id = :site AND s.last_seen >= :since AND other.last_seen >= :since
            UNION ALL
            SELECT s.mac::text, host(s.ip), d.slug, s.last_seen,
                   'address is allocated to ' || coalesce(owner.slug, 'a reservation') || ' in ' || n.cidr
            FROM sighting s
            JOIN network n ON n.site_id = s.site_id AND s.ip << n.cidr
            JOIN ip_allocation a ON a.network_id = n.id AND a.ip = s.ip
            LEFT JOIN device owner ON owner.id = a.device_id
            LEFT JOIN device_mac dm ON dm.site_id = s.site_id AND dm.mac = s.mac
            LEFT JOIN device d ON d.id = dm.device_id
            WHERE s.site_id = :site AND s.last_seen >= :since
              AND (a.device_id IS NULL OR dm.device_id IS DISTINCT FROM a.device_id)
            ORDER BY 2, 1""";

    private static final String MOVED = """
            SELECT s.mac::text AS mac, host(s.ip) AS ip, d.slug AS device, s.last_seen,
                   'moved from ' || host(s.previous_ip) AS detail
            FROM sighting s
            LEFT JOIN device_mac dm ON dm.site_id = s.site_id AND dm.mac = s.mac
            LEFT JOIN device d ON d.id = dm.device_id
            WHERE s.site_id = :site AND s.previous_ip IS NOT NULL AND s.last_seen >= :since
            UNION ALL
            SELECT s.mac::text, host(s.ip), d.slug, s.last_seen,
                   'belongs to device ' || other.slug || ' of site ' || elsewhere.slug
            FROM sighting s
            JOIN site elsewhere ON elsewhere.id <> s.site_id
            JOIN device_mac dm ON dm.site_id = elsewhere.id AND dm.mac = s.mac
            JOIN device other ON other.id = dm.device_id
            LEFT JOIN device_mac here ON here.site_id = s.site_id AND here.mac = s.mac
            LEFT JOIN device d ON d.id = here.device_id
            WHERE s.site_id = :site AND s.last_seen >= :since
            ORDER BY 1""";

    private final InventoryStore store;

    /** @param store the inventory to report on */
    public DiffReporter(InventoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The diff of one site since a date.
     *
     * @throws InventoryException.NotFound naming the site if it does not exist
     */
    public SiteDiff diff(UUID siteId, Instant since) {
        return store.transactions().read("diff of site " + siteId, h -> {
            h.createQuery("SELECT 1 FROM site WHERE id = :site").bind("site", siteId).mapTo(Integer.class).findOne()
                    .orElseThrow(() -> new InventoryException.NotFound("unknown site " + siteId));
            return new SiteDiff(siteId, since, entries(h, "new", NEW, siteId, since),
                    entries(h, "missing", MISSING, siteId, since), entries(h, "ip-conflict", CONFLICTS, siteId, since),
                    entries(h, "moved", MOVED, siteId, since));
        });
    }

    private static List<SiteDiff.Entry> entries(Handle h, String kind, String sql, UUID site, Instant since) {
        return h.createQuery(sql).bind("site", site).bind("since", Timestamp.from(since))
                .map((rs, ctx) -> entry(kind, rs)).list();
    }

    private static SiteDiff.Entry entry(String kind, ResultSet rs) throws SQLException {
        Timestamp seen = rs.getTimestamp(4);
        return new SiteDiff.Entry(kind, rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                Optional.ofNullable(seen).map(Timestamp::toInstant), rs.getString(5));
    }

}
