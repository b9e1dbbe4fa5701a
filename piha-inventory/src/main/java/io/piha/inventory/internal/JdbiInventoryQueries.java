package io.piha.inventory.internal;

import io.piha.api.inventory.AuditRecord;
import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.SiteScope;
import io.piha.inventory.query.InventoryQueries;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.Query;

/**
 * The dashboard's read-only queries. A page of devices is chosen first (by an index order or a sort of the
 * matching ids) and only its rows are joined to their sightings, MACs and zone, so a page costs the same on a site
 * of 25,000 devices as on one of 25.
 */
public final class JdbiInventoryQueries implements InventoryQueries {

    /** The newest sighting of any of the device's MACs. */
    private static final String SEEN = " LEFT JOIN LATERAL (SELECT s.ip, s.vendor, s.last_seen FROM device_mac dm"
            + " JOIN sighting s ON s.site_id = dm.site_id AND s.mac = dm.mac WHERE dm.device_id = d.id"
            + " ORDER BY s.last_seen DESC LIMIT 1) seen ON true";

    private static final String SUMMARY = "SELECT d.id, d.site_id, d.zone_id, d.parent_id, d.slug, d.name,"
            + JdbiDeviceRepository.METADATA_COLUMNS + " d.version,"
            + " ARRAY(SELECT m.mac::text FROM device_mac m WHERE m.device_id = d.id ORDER BY m.mac) AS macs,"
            + " z.name AS zone_name, host(seen.ip) AS ip, coalesce(d.metadata ->> 'vendor', seen.vendor) AS vendor,"
            + " seen.last_seen";

    private final Transactions tx;

    /** @param tx the store's transactions */
    public JdbiInventoryQueries(Transactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public DevicePage search(SiteScope scope, DeviceQuery query, Instant onlineSince) {
        DeviceFilter filter = DeviceFilter.of(query.field(), query.text(), Scopes.sites(scope));
        String where = " WHERE " + Scopes.condition("d.site_id", scope) + " AND " + filter.sql();
        String order = order(query);
        boolean bySighting = query.sort() == Sort.LAST_SEEN || query.sort() == Sort.IP;
        // sorting by a sighting needs every matching device's newest sighting: one grouped join, not a probe per device
        String seenAll = " LEFT JOIN (SELECT DISTINCT ON (dm.device_id) dm.device_id, s.ip, s.last_seen FROM device_mac dm"
                + " JOIN sighting s ON s.site_id = dm.site_id AND s.mac = dm.mac WHERE dm.site_id IN ("
                + Scopes.sites(scope) + ") ORDER BY dm.device_id, s.last_seen DESC) seen ON seen.device_id = d.id";
        String page = "SELECT d.*" + (bySighting ? ", seen.ip AS seen_ip, seen.last_seen AS seen_at" : "")
                + " FROM device d" + (bySighting ? seenAll : "") + where + " ORDER BY " + order
                + " LIMIT :limit OFFSET :offset";
        String outerOrder = order.replace("seen.ip", "d.seen_ip").replace("seen.last_seen", "d.seen_at");
        String sql = SUMMARY + " FROM (" + page + ") d LEFT JOIN zone z ON z.id = d.zone_id" + SEEN
                + " ORDER BY " + outerOrder;
        return tx.read("search devices", h -> {
            long total = filter.bind(Scopes.bind(h.createQuery("SELECT count(*) FROM device d" + where), scope))
                    .mapTo(Long.class).one();
            List<DeviceSummary> rows = filter.bind(Scopes.bind(h.createQuery(sql), scope))
                    .bind("limit", query.limit()).bind("offset", query.offset())
                    .map((rs, ctx) -> summary(rs, onlineSince)).list();
            return new DevicePage(rows, total);
        });
    }

    private static String order(DeviceQuery query) {
        String dir = query.descending() ? " DESC" : "";
        return switch (query.sort()) {
            case NAME -> "lower(d.name)" + dir + ", d.slug" + dir + ", d.id";
            case SLUG -> "d.slug" + dir + ", d.id";
            // newest first unless reversed; never-seen devices last either way
            case LAST_SEEN -> "seen.last_seen" + (query.descending() ? "" : " DESC") + " NULLS LAST, d.slug, d.id";
            case IP -> "seen.ip" + dir + " NULLS LAST, d.slug, d.id";
        };
    }

    @Override
    public Optional<DeviceSummary> device(SiteScope scope, UUID id, Instant onlineSince) {
        return tx.read("find device " + id, h -> Scopes.bind(h.createQuery(SUMMARY + " FROM device d"
                        + " LEFT JOIN zone z ON z.id = d.zone_id" + SEEN + " WHERE d.id = :id AND "
                        + Scopes.condition("d.site_id", scope)), scope)
                .bind("id", id).map((rs, ctx) -> summary(rs, onlineSince)).findOne());
    }

    @Override
    public List<DeviceSummary> siteDevices(UUID siteId, Instant onlineSince) {
        return tx.read("devices of site " + siteId, h -> h.createQuery(SUMMARY + " FROM device d"
                        + " LEFT JOIN zone z ON z.id = d.zone_id" + SEEN + " WHERE d.site_id = :site ORDER BY d.slug")
                .bind("site", siteId).map((rs, ctx) -> summary(rs, onlineSince)).list());
    }

    @Override
    public StatusCounts statusCounts(SiteScope scope, Instant onlineSince) {
        String sql = "SELECT count(*) FILTER (WHERE x.seen >= :since) AS online,"
                + " count(*) FILTER (WHERE x.seen < :since) AS offline, count(*) FILTER (WHERE x.seen IS NULL) AS unknown"
                + " FROM device d LEFT JOIN (SELECT dm.device_id, max(s.last_seen) AS seen FROM device_mac dm"
                + " JOIN sighting s ON s.site_id = dm.site_id AND s.mac = dm.mac WHERE dm.site_id IN ("
                + Scopes.sites(scope) + ") GROUP BY dm.device_id) x ON x.device_id = d.id WHERE "
                + Scopes.condition("d.site_id", scope);
        return tx.read("count devices by status", h -> Scopes.bind(h.createQuery(sql), scope)
                .bind("since", onlineSince)
                .map((rs, ctx) -> new StatusCounts(rs.getLong("online"), rs.getLong("offline"), rs.getLong("unknown")))
                .one());
    }

    @Override
    public List<ImportRun> importRuns(SiteScope scope, int limit) {
        requireLimit(limit);
        return tx.read("list import runs", h -> Scopes.bind(h.createQuery("SELECT id, site_id, source, actor,"
                        + " started_at, finished_at, accepted, rejected, summary::text AS summary FROM import_run WHERE "
                        + Scopes.condition("site_id", scope) + " ORDER BY started_at DESC, id DESC LIMIT :limit"), scope)
                .bind("limit", limit).map((rs, ctx) -> new ImportRun(rs.getObject("id", UUID.class),
                        rs.getObject("site_id", UUID.class), rs.getString("source"), rs.getString("actor"),
                        rs.getTimestamp("started_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("finished_at")).map(Timestamp::toInstant),
                        rs.getInt("accepted"), rs.getInt("rejected"), rs.getString("summary"))).list());
    }

    @Override
    public List<AuditRecord> auditPage(SiteScope scope, Optional<Long> beforeId, int limit) {
        requireLimit(limit);
        return tx.read("read audit log", h -> {
            Query q = Scopes.bind(h.createQuery(JdbiAuditTrail.SELECT + " WHERE " + Scopes.condition("site_id", scope)
                    + (beforeId.isPresent() ? " AND id < :before" : "") + " ORDER BY id DESC LIMIT :limit"), scope);
            beforeId.ifPresent(b -> q.bind("before", b.longValue()));
            return q.bind("limit", limit).map((rs, ctx) -> JdbiAuditTrail.map(rs)).list();
        });
    }

    @Override
    public Optional<AuditRecord> auditEntry(SiteScope scope, long id) {
        return tx.read("read audit entry " + id, h -> Scopes.bind(h.createQuery(JdbiAuditTrail.SELECT + " WHERE id = :id"
                        + " AND " + Scopes.condition("site_id", scope)), scope)
                .bind("id", id).map((rs, ctx) -> JdbiAuditTrail.map(rs)).findOne());
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1-1000, was " + limit);
        }
    }

    private static DeviceSummary summary(ResultSet rs, Instant onlineSince) throws SQLException {
        Optional<Instant> seen = Optional.ofNullable(rs.getTimestamp("last_seen")).map(Timestamp::toInstant);
        Status status = seen.map(t -> t.isBefore(onlineSince) ? Status.OFFLINE : Status.ONLINE).orElse(Status.UNKNOWN);
        return new DeviceSummary(JdbiDeviceRepository.map(rs), Optional.ofNullable(rs.getString("zone_name")),
                Optional.ofNullable(rs.getString("ip")).map(IpAddress::parse),
                Optional.ofNullable(rs.getString("vendor")), seen, status);
    }
}
