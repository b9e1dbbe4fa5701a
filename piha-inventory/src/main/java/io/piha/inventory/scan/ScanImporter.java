package io.piha.inventory.scan;

import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.MacAddress;
import io.piha.inventory.FieldOwnership;
import io.piha.inventory.ImportProgress;
import io.piha.inventory.InventoryStore;
import io.piha.inventory.RowRejection;
import io.piha.inventory.internal.BinaryCopy;
import io.piha.inventory.internal.ImportRejections;
import io.piha.inventory.internal.SqlErrors;
import io.piha.inventory.internal.TimeOrderedIds;
import io.piha.inventory.oui.MacVendors;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Imports a network scan into one site, set-based. The importer first reads which MACs the site already has
 * devices and scan sightings for. The rows of those MACs are copied into a temporary staging table ({@code COPY
 * ... FROM STDIN (FORMAT binary)}), and a few statements rename scan-owned devices whose host name changed, audit
 * the names the scan may not touch and update the sightings that changed. What is new to the site (devices, their
 * MACs and audit entries, sightings) is copied straight into its tables. Each step touches only rows that really
 * change, so re-importing the same file writes nothing. Everything happens in one transaction tagged with an
 * import run id; a dry run executes the same statements and rolls them back. Imports into one site take turns
 * (a transaction-scoped advisory lock); imports into different sites run side by side. Thread-safe.
 *
 * <p>A device created by an import gets one {@code create} audit entry that lists its MAC, written by the
 * importer; the schema's audit triggers would otherwise write one entry for the device and one for its MAC.
 * New devices get version 7 (time-ordered) ids, which keep a bulk insert at the right edge of the indexes. A MAC
 * that another writer adds to the site while an import of it runs makes that import fail, writing nothing; run it
 * again.
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

    private final InventoryStore store;
    private final MacVendors vendors;
    private final FieldOwnership ownership;
    private final TimeOrderedIds ids;

    /**
     * @param store where to import
     * @param vendors fills in the vendor of each MAC (the file's vendor is used only where this knows none)
     * @param ownership which sources a scan may overwrite
     */
    public ScanImporter(InventoryStore store, MacVendors vendors, FieldOwnership ownership) {
        this.store = Objects.requireNonNull(store, "store");
        this.vendors = Objects.requireNonNull(vendors, "vendors");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
        this.ids = store.transactions().ids();
    }

    /**
     * Shows what {@link #apply} would do, changing nothing.
     *
     * @throws InventoryException.NotFound naming the site if it does not exist
     */
    public ScanResult dryRun(UUID siteId, ScanFile scan, String actor) {
        UUID run = ids.next();
        return store.transactions().rehearse(actor, Optional.of(run), "dry run of scan import",
                h -> importInto(h, siteId, scan, actor, run, true, ImportProgress.SILENT));
    }

    /**
     * Imports the scan's valid rows in one transaction; the rejected rows are reported, and kept with the run.
     *
     * @throws InventoryException.NotFound naming the site if it does not exist (nothing is written)
     */
    public ScanResult apply(UUID siteId, ScanFile scan, String actor, ImportProgress progress) {
        UUID run = ids.next();
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
        h.createUpdate("INSERT INTO import_run (id, site_id, source, actor, started_at)"
                        + " VALUES (:run, :site, :source, :actor, :at)")
                .bind("run", run).bind("site", site).bind("source", SOURCE).bind("actor", actor)
                .bind("at", at).execute();
        List<ScanRow> rows = scan.rows();
        List<Optional<String>> vendorOf = rows.stream().map(this::vendor).toList();
        progress.update("reading", 0, 1);
        // PostgreSQL prints a macaddr in the lower-case colon form of MacAddress.value()
        Set<String> withDevice = strings(h.createQuery(ScanSql.SITE_DEVICE_MACS).bind("site", site));
        Set<String> sighted = strings(h.createQuery(ScanSql.SITE_SIGHTED_MACS).bind("site", site)
                .bind("source", SOURCE));
        progress.update("reading", 1, 1);

        // what the site already has: moved addresses, host names (taken or refused), changed sightings
        List<Integer> known = positions(rows, mac -> withDevice.contains(mac) || sighted.contains(mac));
        List<ScanResult.Move> moved = List.of();
        int kept = 0;
        int renamed = 0;
        int sightings = 0;
        if (!known.isEmpty()) {
            stage(h, rows, known, vendorOf, progress);
            progress.update("applying", 0, 3);
            moved = h.createQuery(ScanSql.MOVED).bind("site", site).bind("source", SOURCE)
                    .map((rs, ctx) -> new ScanResult.Move(MacAddress.parse(rs.getString(1)),
                            IpAddress.parse(rs.getString(2)), IpAddress.parse(rs.getString(3)))).list();
            List<String> overwritable = ownership.overwritableBy("name", SOURCE);
            kept = h.createUpdate(ScanSql.AUDIT_KEPT_NAMES).bind("site", site).bind("source", SOURCE)
                    .bind("run", run).bindArray("overwritable", String.class, overwritable).execute();
            renamed = h.createUpdate(ScanSql.RENAME_DEVICES).bind("site", site)
                    .bindArray("overwritable", String.class, overwritable).execute();
            progress.update("applying", 1, 3);
            sightings += h.createUpdate(ScanSql.UPDATE_SIGHTINGS).bind("site", site).bind("source", SOURCE)
                    .bind("run", run).execute();
            progress.update("applying", 2, 3);
            h.execute("DROP TABLE scan_stage");
            progress.update("applying", 3, 3);
        }

        // what is new to it: a device for each new MAC (unless its slug is taken), a sighting for each new one
        List<Integer> deviceless = positions(rows, mac -> !withDevice.contains(mac));
        List<Integer> unsighted = positions(rows, mac -> !sighted.contains(mac));
        Set<String> taken = takenSlugs(h, site, deviceless.stream().map(i -> NewDevice.slugOf(rows.get(i).mac())).toList(),
                withDevice.size());
        List<MacAddress> newMacs = new ArrayList<>();
        List<Integer> accepted = new ArrayList<>();
        List<RowRejection> rejected = new ArrayList<>(scan.rejected());
        for (int i : deviceless) {
            ScanRow row = rows.get(i);
            newMacs.add(row.mac());
            String slug = NewDevice.slugOf(row.mac());
            if (taken.contains(slug)) {
                rejected.add(new RowRejection(scan.position(row), row.mac().value(),
                        "no device created: another device of the site already has the slug " + slug
                                + " (the sighting is recorded)", scan.raw(row)));
            } else {
                accepted.add(i);
            }
        }
        // written in MAC order, and given ids in that order, so that every index the rows enter (by id, slug, MAC)
        // is appended to within the site's range rather than split all over it
        List<NewDevice> creating = inMacOrder(rows, accepted).stream()
                .map(i -> NewDevice.of(ids.next(), rows.get(i), vendorOf.get(i))).toList();
        createDevices(h, site, run, actor, at, creating, progress);
        sightings += copy(h, "sightings", ScanSql.COPY_SIGHTINGS, inMacOrder(rows, unsighted), progress, (i, copy) -> {
            ScanRow row = rows.get(i);
            copy.row(9).uuid(site).macaddr(row.mac()).text(SOURCE).inet(row.ip()).text(row.hostname().orElse(null))
                    .text(vendorOf.get(i).orElse(null)).timestamptz(row.seenAt()).timestamptz(row.seenAt()).uuid(run);
        });

        progress.update("finishing", 0, 1);
        List<MacAddress> randomized = rows.stream().map(ScanRow::mac).filter(MacAddress::isLocallyAdministered).toList();
        ImportRejections.store(h, run, rejected);
        h.createUpdate("UPDATE import_run SET finished_at = :at, accepted = :accepted, rejected = :rejected,"
                        + " summary = jsonb_build_object('format', :format, 'devices_created', :created,"
                        + " 'devices_renamed', :renamed, 'fields_kept', :kept, 'sightings_written', :sightings,"
                        + " 'randomized_macs', :randomized) WHERE id = :run")
                .bind("at", store.transactions().clock().instant()).bind("accepted", rows.size())
                .bind("rejected", rejected.size()).bind("format", scan.format().name().toLowerCase(Locale.ROOT))
                .bind("created", creating.size()).bind("renamed", renamed).bind("kept", kept)
                .bind("sightings", sightings).bind("randomized", randomized.size()).bind("run", run).execute();
        // no ANALYZE: autovacuum refreshes the statistics, and every lookup the inventory makes is by a unique,
        // site-leading key, planned as an index probe whatever they say
        progress.update("finishing", 1, 1);
        return new ScanResult(run, dryRun, rows.size(), rejected, newMacs, randomized, moved, creating.size(), renamed,
                kept, sightings);
    }

    /**
     * The devices of new MACs, their MACs, and one {@code create} audit entry each. The entries are written here
     * rather than by the schema's triggers, which would write two per device (one for its MAC) and build each
     * one's JSON in the database.
     */
    private static void createDevices(Handle h, UUID site, UUID run, String actor, Instant at, List<NewDevice> devices,
                                      ImportProgress progress) {
        h.createQuery("SELECT set_config('piha.audited_by_import', :run, true)").bind("run", run.toString())
                .mapToMap().one();
        copy(h, "devices", ScanSql.COPY_DEVICES, devices, progress, (d, copy) ->
                copy.row(5).uuid(d.id()).uuid(site).text(d.slug()).text(d.name()).jsonb(d::writeMetadata));
        copy(h, "macs", ScanSql.COPY_MACS, devices, progress, (d, copy) ->
                copy.row(3).uuid(site).macaddr(d.mac()).uuid(d.id()));
        copy(h, "audit", ScanSql.COPY_AUDIT, devices, progress, (d, copy) -> copy.row(8).timestamptz(at).text(actor)
                .text("create").text("device").uuid(d.id()).uuid(site).json(json -> d.writeCreated(json, site))
                .uuid(run));
        h.createQuery("SELECT set_config('piha.audited_by_import', '', true)").mapToMap().one();
    }

    /** Copies the rows at the given positions into {@code scan_stage}, reporting progress per chunk. */
    private static void stage(Handle h, List<ScanRow> rows, List<Integer> positions, List<Optional<String>> vendorOf,
                              ImportProgress progress) {
        h.execute(ScanSql.CREATE_STAGE);
        copy(h, "staging", ScanSql.COPY_STAGE, positions, progress, (i, copy) -> {
            ScanRow row = rows.get(i);
            copy.row(6).int4(row.row()).macaddr(row.mac()).inet(row.ip()).text(row.hostname().orElse(null))
                    .text(vendorOf.get(i).orElse(null)).timestamptz(row.seenAt());
        });
        h.execute("ALTER TABLE scan_stage ADD PRIMARY KEY (mac)");
        h.execute("ANALYZE scan_stage");
    }

    private static Set<String> strings(Query query) {
        return query.mapTo(String.class).collect(Collectors.toCollection(HashSet::new));
    }

    /**
     * Which of the candidate slugs devices of the site already have. Many candidates (a first import) are checked
     * against the site's own {@code mac-} slugs, read once; a few are sent to the database: whichever list is
     * shorter crosses the wire.
     */
    private static Set<String> takenSlugs(Handle h, UUID site, List<String> candidates, int siteMacs) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        if (candidates.size() > siteMacs) {
            Set<String> taken = strings(h.createQuery(ScanSql.MAC_SLUGS).bind("site", site));
            taken.retainAll(new HashSet<>(candidates));
            return taken;
        }
        return strings(h.createQuery(ScanSql.TAKEN_SLUGS).bind("site", site).bindArray("slugs", String.class, candidates));
    }

    /** The positions sorted by their rows' MACs (the lower-case colon form sorts as PostgreSQL's macaddr does). */
    private static List<Integer> inMacOrder(List<ScanRow> rows, List<Integer> positions) {
        return positions.stream().sorted(Comparator.comparing(i -> rows.get(i).mac().value())).toList();
    }

    /** The positions of the rows whose MAC passes. */
    private static List<Integer> positions(List<ScanRow> rows, Predicate<String> test) {
        return IntStream.range(0, rows.size()).filter(i -> test.test(rows.get(i).mac().value())).boxed().toList();
    }

    /**
     * Streams one row per item into a binary {@code COPY}, reported as {@code phase}: at the start, every
     * {@value #DEFAULT_CHUNK} rows, and once the server has stored them all (a progress bar at 100% means
     * written). Returns the rows written; a phase with nothing to write is not reported.
     */
    private static <T> int copy(Handle h, String phase, String sql, List<T> items, ImportProgress progress,
                                CopyRow<T> line) {
        if (items.isEmpty()) {
            return 0;
        }
        progress.update(phase, 0, items.size());
        try (BinaryCopy copy = BinaryCopy.start(h, sql)) {
            long sent = 0;
            for (T item : items) {
                line.write(item, copy);
                if (++sent % DEFAULT_CHUNK == 0 && sent < items.size()) {
                    progress.update(phase, sent, items.size());
                }
            }
            int stored = Math.toIntExact(copy.finish());
            progress.update(phase, stored, items.size());
            return stored;
        } catch (SQLException e) {
            throw SqlErrors.translate("importing the scan (" + sql.substring(0, sql.indexOf('(')).trim() + ")", e);
        }
    }

    /** Writes one item as one row of a copy. */
    @FunctionalInterface
    private interface CopyRow<T> {
        void write(T item, BinaryCopy copy) throws SQLException;
    }

    /** The vendor of the row's MAC: the registry's, else the scanner's guess; none for a locally administered MAC. */
    private Optional<String> vendor(ScanRow row) {
        return row.mac().isLocallyAdministered() ? Optional.empty() : vendors.lookup(row.mac()).or(row::vendor);
    }
}
