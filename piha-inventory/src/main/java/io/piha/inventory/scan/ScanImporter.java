package io.piha.inventory.scan;

import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.MacAddress;
import io.piha.inventory.FieldOwnership;
import io.piha.inventory.ImportProgress;
import io.piha.inventory.InventoryStore;
import io.piha.inventory.internal.Transactions;
import io.piha.inventory.oui.MacVendors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Imports a network scan into one site, set-based: the rows go into a temporary staging table in chunks
 * ({@code INSERT ... SELECT FROM unnest(...)}), then a handful of statements create the devices of new MACs,
 * rename scan-owned devices whose host name changed, and upsert the sightings, each writing only rows that
 * really change. Re-importing the same file therefore writes nothing. Everything happens in one transaction
 * tagged with an import run id; a dry run executes the same statements and rolls them back. Thread-safe.
 *
 * <pre>{@code
 * ScanImporter importer = new ScanImporter(store, vendors, FieldOwnership.ofDefaults());
 * ScanResult preview = importer.dryRun(siteId, ScanFile.read(path), "rohit");
 * ScanResult done = importer.apply(siteId, ScanFile.read(path), "rohit", ImportProgress.SILENT);
 * }</pre>
 *
 * @since 0.1
 */
public final class ScanImporter {

    /** The source name of scan sightings and of the fields a scan owns. */
    public static final String SOURCE = "scan";
    /** Rows per staging statement (and per progress report). */
    public static final int DEFAULT_CHUNK = 10_000;
    private static final int ANALYZE_AFTER = 5_000;

    private final InventoryStore store;
    private final MacVendors vendors;
    private final FieldOwnership ownership;

    /**
     * @param store where to import
     * @param vendors fills in the vendor of each MAC (the file's vendor is used only where this knows none)
     * @param ownership which sources a scan may overwrite
     */
    public ScanImporter(InventoryStore store, MacVendors vendors, FieldOwnership ownership) {
        this.store = Objects.requireNonNull(store, "store");
        this.vendors = Objects.requireNonNull(vendors, "vendors");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
    }

    /**
     * Shows what {@link #apply} would do, changing nothing.
     *
     * @throws InventoryException.NotFound naming the site if it does not exist
     */
    public ScanResult dryRun(UUID siteId, ScanFile scan, String actor) {
        UUID run = UUID.randomUUID();
        return store.transactions().rehearse(actor, Optional.of(run), "dry run of scan import",
                h -> importInto(h, siteId, scan, actor, run, true, ImportProgress.SILENT));
    }

    /**
     * Imports the scan's valid rows in one transaction; the rejected rows are reported, not written.
     *
     * @throws InventoryException.NotFound naming the site if it does not exist (nothing is written)
     */
    public ScanResult apply(UUID siteId, ScanFile scan, String actor, ImportProgress progress) {
        UUID run = UUID.randomUUID();
        return store.transactions().write(actor, Optional.of(run), "scan import",
                h -> importInto(h, siteId, scan, actor, run, false, progress));
    }

    private ScanResult importInto(Handle h, UUID site, ScanFile scan, String actor, UUID run, boolean dryRun,
                                  ImportProgress progress) {
        h.createQuery("SELECT id FROM site WHERE id = :site").bind("site", site).mapTo(UUID.class).findOne()
                .orElseThrow(() -> new InventoryException.NotFound("unknown site " + site));
        Transactions tx = store.transactions();
        h.createUpdate("INSERT INTO import_run (id, site_id, source, actor, started_at, rejected)"
                        + " VALUES (:run, :site, :source, :actor, :at, :rejected)")
                .bind("run", run).bind("site", site).bind("source", SOURCE).bind("actor", actor)
                .bind("at", tx.clock().instant()).bind("rejected", scan.rejected().size()).execute();
        stage(h, scan.rows(), progress);
        List<MacAddress> fresh = h.createQuery("SELECT s.mac::text FROM scan_stage s WHERE NOT EXISTS"
                        + " (SELECT 1 FROM device_mac dm WHERE dm.site_id = :site AND dm.mac = s.mac) ORDER BY s.row_no")
                .bind("site", site).mapTo(String.class).map(MacAddress::parse).list();
        List<ScanResult.Move> moved = h.createQuery("SELECT s.mac::text, host(t.ip), host(s.ip) FROM scan_stage s"
                        + " JOIN sighting t ON t.site_id = :site AND t.mac = s.mac AND t.source = :source"
                        + " WHERE t.ip <> s.ip ORDER BY s.row_no")
                .bind("site", site).bind("source", SOURCE)
                .map((rs, ctx) -> new ScanResult.Move(MacAddress.parse(rs.getString(1)), IpAddress.parse(rs.getString(2)),
                        IpAddress.parse(rs.getString(3)))).list();
        progress.update("applying", 0, 4);
        int created = h.createUpdate(ScanSql.CREATE_DEVICES).bind("site", site).execute();
        progress.update("applying", 1, 4);
        List<String> overwritable = ownership.overwritableBy("name", SOURCE);
        int kept = h.createUpdate(ScanSql.AUDIT_KEPT_NAMES).bind("site", site).bind("source", SOURCE)
                .bind("run", run).bindArray("overwritable", String.class, overwritable).execute();
        int renamed = h.createUpdate(ScanSql.RENAME_DEVICES).bind("site", site)
                .bindArray("overwritable", String.class, overwritable).execute();
        progress.update("applying", 2, 4);
        int sightings = h.createUpdate(ScanSql.UPSERT_SIGHTINGS).bind("site", site).bind("source", SOURCE)
                .bind("run", run).execute();
        progress.update("applying", 3, 4);
        h.createUpdate("UPDATE import_run SET finished_at = :at, accepted = :accepted,"
                        + " summary = jsonb_build_object('devices_created', :created, 'devices_renamed', :renamed,"
                        + " 'fields_kept', :kept, 'sightings_written', :sightings) WHERE id = :run")
                .bind("at", tx.clock().instant()).bind("accepted", scan.rows().size()).bind("created", created)
                .bind("renamed", renamed).bind("kept", kept).bind("sightings", sightings).bind("run", run).execute();
        h.execute("DROP TABLE scan_stage");
        if (created + renamed + sightings > ANALYZE_AFTER) {
            // a bulk load leaves the planner with stale statistics: later lookups by MAC would scan
            h.execute("ANALYZE device, device_mac, sighting");
        }
        progress.update("applying", 4, 4);
        return new ScanResult(run, dryRun, scan.rows().size(), scan.rejected(), fresh, moved, created, renamed, kept,
                sightings);
    }

    private void stage(Handle h, List<ScanRow> rows, ImportProgress progress) {
        h.execute("CREATE TEMP TABLE scan_stage (row_no integer NOT NULL, mac macaddr PRIMARY KEY, ip inet NOT NULL,"
                + " hostname text, vendor text, seen timestamptz NOT NULL, slug text NOT NULL) ON COMMIT DROP");
        for (int from = 0; from < rows.size(); from += DEFAULT_CHUNK) {
            List<ScanRow> chunk = rows.subList(from, Math.min(rows.size(), from + DEFAULT_CHUNK));
            List<Integer> numbers = new ArrayList<>(chunk.size());
            List<String> macs = new ArrayList<>(chunk.size());
            List<String> ips = new ArrayList<>(chunk.size());
            List<String> hosts = new ArrayList<>(chunk.size());
            List<String> makers = new ArrayList<>(chunk.size());
            List<String> seen = new ArrayList<>(chunk.size());
            for (ScanRow row : chunk) {
                numbers.add(row.row());
                macs.add(row.mac().value());
                ips.add(row.ip().value());
                hosts.add(row.hostname().orElse(null));
                makers.add(vendorOf(row).orElse(null));
                seen.add(row.seenAt().toString());
            }
            h.createUpdate("INSERT INTO scan_stage SELECT u.*, 'mac-' || replace(u.mac::text, ':', '')"
                            + " FROM unnest(CAST(:rows AS integer[]), CAST(:macs AS macaddr[]), CAST(:ips AS inet[]),"
                            + " CAST(:hosts AS text[]), CAST(:vendors AS text[]), CAST(:seen AS timestamptz[]))"
                            + " AS u (row_no, mac, ip, hostname, vendor, seen)")
                    .bindArray("rows", Integer.class, numbers).bindArray("macs", String.class, macs)
                    .bindArray("ips", String.class, ips).bindArray("hosts", String.class, hosts)
                    .bindArray("vendors", String.class, makers).bindArray("seen", String.class, seen).execute();
            progress.update("staging", from + chunk.size(), rows.size());
        }
        h.execute("ANALYZE scan_stage");
    }

    private Optional<String> vendorOf(ScanRow row) {
        if (row.mac().isLocallyAdministered()) {
            return Optional.empty();
        }
        return vendors.lookup(row.mac()).or(row::vendor);
    }

}
