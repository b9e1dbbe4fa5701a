package io.piha.inventory.scan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.MacAddress;
import io.piha.inventory.FieldOwnership;
import io.piha.inventory.ImportProgress;
import io.piha.inventory.InventoryStore;
import io.piha.inventory.RowRejection;
import io.piha.inventory.internal.Json;
import io.piha.inventory.internal.SqlErrors;
import io.piha.inventory.oui.MacVendors;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Imports a network scan into one site, set-based: the rows are copied into a temporary staging table
 * ({@code COPY ... FROM STDIN}), then a handful of statements create the devices of new MACs, rename scan-owned
 * devices whose host name changed, and write the sightings, each touching only rows that really change.
 * Re-importing the same file therefore writes nothing. Everything happens in one transaction tagged with an
 * import run id; a dry run executes the same statements and rolls them back. Imports into one site take turns
 * (a transaction-scoped advisory lock); imports into different sites run side by side. Thread-safe.
 *
 * <p>A device created by an import gets one {@code create} audit entry that lists its MAC, written by the
 * importer; the schema's audit triggers would otherwise write one entry for the device and one for its MAC.
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
    /** Rows per COPY buffer (and per progress report). */
    public static final int DEFAULT_CHUNK = 10_000;
    private static final int ANALYZE_AFTER = 5_000;
    /**
     * Progress steps after staging: new MACs found, devices, MACs, audit entries, names, sightings, run closed,
     * statistics.
     */
    private static final int STEPS = 8;
    /** The longest device name the schema accepts. */
    private static final int MAX_NAME = 200;

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
        h.createQuery("SELECT pg_advisory_xact_lock(hashtext('piha.scan-import:' || :site))").bind("site", site)
                .mapToMap().one();
        Instant at = store.transactions().clock().instant();
        h.createUpdate("INSERT INTO import_run (id, site_id, source, actor, started_at, rejected)"
                        + " VALUES (:run, :site, :source, :actor, :at, :rejected)")
                .bind("run", run).bind("site", site).bind("source", SOURCE).bind("actor", actor)
                .bind("at", at).bind("rejected", scan.rejected().size()).execute();
        List<Staged> staged = IntStream.range(0, scan.rows().size())
                .mapToObj(i -> staged(i, scan.rows().get(i))).toList();
        stage(h, staged, progress);
        List<ScanResult.Move> moved = h.createQuery(ScanSql.MOVED).bind("site", site).bind("source", SOURCE)
                .map((rs, ctx) -> new ScanResult.Move(MacAddress.parse(rs.getString(1)),
                        IpAddress.parse(rs.getString(2)), IpAddress.parse(rs.getString(3)))).list();
        progress.update("applying", 0, STEPS);
        h.createUpdate(ScanSql.STAGE_NEW).bind("site", site).execute();
        List<MacAddress> newMacs = new ArrayList<>();
        List<Staged> creating = new ArrayList<>();
        List<RowRejection> rejected = new ArrayList<>(scan.rejected());
        h.createQuery(ScanSql.NEW_ROWS).map((rs, ctx) -> Map.entry(staged.get(rs.getInt(1)), rs.getBoolean(2)))
                .forEach(row -> {
                    Staged fresh = row.getKey();
                    newMacs.add(fresh.scanned().mac());
                    if (row.getValue()) {
                        rejected.add(new RowRejection("row " + fresh.scanned().row(), fresh.scanned().mac().value(),
                                "no device created: another device of the site already has the slug " + fresh.slug()
                                        + " (the sighting is recorded)"));
                    } else {
                        creating.add(fresh);
                    }
                });
        progress.update("applying", 1, STEPS);
        int created = createDevices(h, site, run, actor, at, creating, progress);
        int kept = 0;
        int renamed = 0;
        if (newMacs.size() < staged.size()) {
            // only devices the site had before the import can need a new name (or a kept one)
            List<String> overwritable = ownership.overwritableBy("name", SOURCE);
            kept = h.createUpdate(ScanSql.AUDIT_KEPT_NAMES).bind("site", site).bind("source", SOURCE)
                    .bind("run", run).bindArray("overwritable", String.class, overwritable).execute();
            renamed = h.createUpdate(ScanSql.RENAME_DEVICES).bind("site", site)
                    .bindArray("overwritable", String.class, overwritable).execute();
        }
        progress.update("applying", 5, STEPS);
        int sightings = h.createUpdate(ScanSql.UPDATE_SIGHTINGS).bind("site", site).bind("source", SOURCE)
                .bind("run", run).execute();
        sightings += h.createUpdate(ScanSql.INSERT_SIGHTINGS).bind("site", site).bind("source", SOURCE)
                .bind("run", run).execute();
        progress.update("applying", 6, STEPS);
        h.createUpdate("UPDATE import_run SET finished_at = :at, accepted = :accepted,"
                        + " summary = jsonb_build_object('devices_created', :created, 'devices_renamed', :renamed,"
                        + " 'fields_kept', :kept, 'sightings_written', :sightings) WHERE id = :run")
                .bind("at", store.transactions().clock().instant()).bind("accepted", scan.rows().size())
                .bind("created", created).bind("renamed", renamed).bind("kept", kept).bind("sightings", sightings)
                .bind("run", run).execute();
        h.execute("DROP TABLE scan_new, scan_stage");
        progress.update("applying", 7, STEPS);
        if (created + renamed + sightings > ANALYZE_AFTER) {
            // a bulk load leaves the planner with stale statistics: later lookups by MAC would scan
            h.execute("ANALYZE device, device_mac, sighting");
        }
        progress.update("applying", STEPS, STEPS);
        return new ScanResult(run, dryRun, scan.rows().size(), rejected, newMacs, moved, created, renamed, kept,
                sightings);
    }

    /**
     * The devices of new MACs, their MACs, and one {@code create} audit entry each. The entries are written here
     * rather than by the schema's triggers, which would write two per device (one for its MAC) and build each
     * one's JSON in the database, the slowest part of a large import.
     */
    private static int createDevices(Handle h, UUID site, UUID run, String actor, Instant at, List<Staged> rows,
                                     ImportProgress progress) {
        h.createQuery("SELECT set_config('piha.audited_by_import', :run, true)").bind("run", run.toString())
                .mapToMap().one();
        int created = h.createUpdate(ScanSql.CREATE_DEVICES).bind("site", site).execute();
        progress.update("applying", 2, STEPS);
        h.createUpdate(ScanSql.LINK_MACS).bind("site", site).execute();
        progress.update("applying", 3, STEPS);
        String prefix = Csv.field(at.toString()) + "," + Csv.field(actor) + ",create,device,";
        String suffix = "," + site + ",";
        String runId = "," + run + "\n";
        copy(h, ScanSql.COPY_AUDIT, rows, ImportProgress.SILENT, "auditing", (row, csv) -> csv.append(prefix)
                .append(row.deviceId()).append(suffix).append(Csv.field(row.createdJson(site))).append(runId));
        h.createQuery("SELECT set_config('piha.audited_by_import', '', true)").mapToMap().one();
        progress.update("applying", 4, STEPS);
        return created;
    }

    /** Copies the rows into {@code scan_stage}. */
    private static void stage(Handle h, List<Staged> rows, ImportProgress progress) {
        h.execute(ScanSql.CREATE_STAGE);
        copy(h, ScanSql.COPY_STAGE, rows, progress, "staging", (row, csv) -> {
            ScanRow scanned = row.scanned();
            csv.append(row.index()).append(',').append(scanned.row()).append(',').append(scanned.mac().value())
                    .append(',').append(scanned.ip().value()).append(',')
                    .append(scanned.hostname().map(Csv::field).orElse("")).append(',')
                    .append(row.vendor().map(Csv::field).orElse("")).append(',')
                    .append(scanned.seenAt()).append(',').append(row.deviceId()).append(',')
                    .append(row.slug()).append(',').append(Csv.field(row.name())).append(',')
                        .append(Csv.field(row.metadata().toString())).append('\n');
        });
        h.execute("ALTER TABLE scan_stage ADD PRIMARY KEY (mac)");
        h.execute("ANALYZE scan_stage");
    }

    /** Streams rows into {@code COPY ... FROM STDIN (FORMAT csv)}, one buffer (and one progress report) per chunk. */
    private static void copy(Handle h, String sql, List<Staged> rows, ImportProgress progress, String phase,
                             BiConsumer<Staged, StringBuilder> line) {
        try {
            CopyIn copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                StringBuilder csv = new StringBuilder(DEFAULT_CHUNK * 160);
                for (int from = 0; from < rows.size(); from += DEFAULT_CHUNK) {
                    int to = Math.min(rows.size(), from + DEFAULT_CHUNK);
                    csv.setLength(0);
                    rows.subList(from, to).forEach(row -> line.accept(row, csv));
                    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    progress.update(phase, to, rows.size());
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(phase + " the scan", e);
        }
    }

    private Staged staged(int index, ScanRow row) {
        Optional<String> vendor = row.mac().isLocallyAdministered()
                ? Optional.empty()
                : vendors.lookup(row.mac()).or(row::vendor);
        String mac = row.mac().value();
        String name = row.hostname().orElseGet(() -> vendor.map(v -> v + " " + mac).orElse(mac));
        ObjectNode metadata = Json.MAPPER.createObjectNode();
        vendor.ifPresent(v -> metadata.put("vendor", v));
        metadata.put("discovered_by", SOURCE);
        return new Staged(index, row, UUID.randomUUID(), "mac-" + mac.replace(":", ""), truncate(name), vendor,
                metadata);
    }

    /** At most {@value #MAX_NAME} characters (code points, as PostgreSQL counts them). */
    private static String truncate(String name) {
        return name.codePointCount(0, name.length()) <= MAX_NAME
                ? name
                : name.substring(0, name.offsetByCodePoints(0, MAX_NAME));
    }

    /**
     * A scanned row as staged: with the device it becomes if its MAC is new to the site.
     *
     * @param index its position in the scan's accepted rows
     */
    private record Staged(int index, ScanRow scanned, UUID deviceId, String slug, String name, Optional<String> vendor,
                          ObjectNode metadata) {

        /** The {@code create} audit entry of the device: its row as the audit trigger would write it, and its MACs. */
        String createdJson(UUID site) {
            ObjectNode after = Json.MAPPER.createObjectNode();
            after.put("id", deviceId.toString());
            after.put("site_id", site.toString());
            after.putNull("zone_id");
            after.put("slug", slug);
            after.put("name", name);
            after.set("metadata", metadata);
            after.put("version", 0);
            after.putArray("macs").add(scanned.mac().value());
            return after.toString();
        }
    }

    /** CSV for {@code COPY}: every text field quoted, so that an empty string stays one and NULL is an empty field. */
    private static final class Csv {

        private Csv() {
        }

        static String field(String value) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
    }

}
