package io.piha.inventory.bench;

import io.piha.api.inventory.MacAddress;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.inventory.FieldOwnership;
import io.piha.inventory.Fixtures;
import io.piha.inventory.ImportProgress;
import io.piha.inventory.InventoryStore;
import io.piha.testkit.postgres.TestDatabase;
import io.piha.inventory.oui.MacVendors;
import io.piha.inventory.scan.ScanFile;
import io.piha.inventory.scan.ScanImporter;
import io.piha.inventory.scan.ScanResult;
import io.piha.inventory.scan.ScanRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The scan-import benchmark of docs/benchmarks.md: a 100,000-device scan imported twice into an empty site by
 * the set-based importer (once in a cold JVM, then {@value #RUNS} more times, each into its own empty site, of
 * which the median is reported), and the same scan by a naive row-at-a-time JDBC upsert, in the same run; then
 * lookups by MAC. Run: {@code ./mvnw -B -q -pl piha-inventory -am -Pbenchmark -DskipTests verify}
 * (optionally {@code -Dbench.rows=N}). Not a test: it never runs in {@code verify} without the profile.
 */
public final class ScanImportBenchmark {

    private ScanImportBenchmark() {
    }

    /** Measured repetitions of the set-based imports, each into its own empty site; the median is reported. */
    static final int RUNS = 3;

    public static void main(String[] args) throws SQLException {
        int rows = Integer.getInteger("bench.rows", 100_000);
        DataSource ds = TestDatabase.freshSchema();
        InventoryStore store = InventoryStore.open(ds, Clock.systemUTC());
        Site[] sites = Fixtures.sites(store, "bench", "cold", "set-based-1", "set-based-2", "set-based-3", "naive");
        ScanFile scan = generate(rows, Instant.parse("2026-05-01T10:00:00Z"));
        // the next scheduled scan: the same hosts an hour later, so every sighting's last-seen time moves
        ScanFile later = generate(rows, Instant.parse("2026-05-01T11:00:00Z"));
        ScanImporter importer = new ScanImporter(store, MacVendors.NONE, FieldOwnership.ofDefaults());
        System.out.printf("scan import benchmark: %,d rows, %d cores, %s%n", rows,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"));

        // the first import of this JVM: what a one-shot CLI run pays, JIT compilation included; it also warms up
        // the code paths of both imports for the measured runs (each into its own, still empty, site)
        Timed cold = importTimed(importer, ds, sites[0].id(), scan, "cold first");
        importTimed(importer, ds, sites[0].id(), scan, "cold second");
        Timed[] firsts = new Timed[RUNS];
        Timed[] seconds = new Timed[RUNS];
        Timed[] rescans = new Timed[RUNS];
        for (int i = 0; i < RUNS; i++) {
            firsts[i] = importTimed(importer, ds, sites[1 + i].id(), scan, "first, run " + (i + 1));
            seconds[i] = importTimed(importer, ds, sites[1 + i].id(), scan, "second, run " + (i + 1));
            rescans[i] = importTimed(importer, ds, sites[1 + i].id(), later, "re-scan an hour later, run " + (i + 1));
        }
        Timed first = Timed.median(firsts);
        Timed second = Timed.median(seconds);
        Timed rescan = Timed.median(rescans);
        long setFirst = first.nanos();
        long setSecond = second.nanos();
        Optional<Timed> durable = durableFirstImport(scan);

        if (!Boolean.parseBoolean(System.getProperty("bench.naive", "true"))) {
            System.exit(0);
        }
        UUID naiveSite = sites[1 + RUNS].id();
        long t0 = System.nanoTime();
        int naiveFirstWrites = naive(ds, naiveSite, scan);
        long naiveFirst = System.nanoTime() - t0;
        t0 = System.nanoTime();
        int naiveSecondWrites = naive(ds, naiveSite, scan);
        long naiveSecond = System.nanoTime() - t0;
        // the same naive path on schema 1, whose declarative foreign keys make single-row statements cheaper
        DataSource schemaOne = TestDatabase.freshSchema();
        Flyway.configure().dataSource(schemaOne).locations("classpath:db/inventory").target("1").load().migrate();
        UUID siteOne = siteOnSchemaOne(schemaOne);
        t0 = System.nanoTime();
        int naiveOneWrites = naive(schemaOne, siteOne, scan);
        long naiveOne = System.nanoTime() - t0;

        InventoryStore pooled = InventoryStore.open(new HeldConnection(ds), Clock.systemUTC());
        long[] lookups = lookups(pooled, sites[1].id(), scan, 10_000);
        long[] coldLookups = lookups(store, sites[1].id(), scan, 1_000);

        System.out.println();
        System.out.println("| path | import | time | device rows written (audited) |");
        System.out.println("| --- | --- | --- | --- |");
        row("set-based, first of this JVM (JIT included)", "first, empty site", cold.nanos(), cold.deviceWrites());
        row("set-based (COPY + set statements), median of " + RUNS, "first, empty site", setFirst,
                first.deviceWrites());
        row("set-based (COPY + set statements), median of " + RUNS, "second, same file", setSecond,
                second.deviceWrites());
        row("set-based (COPY + set statements), median of " + RUNS, "re-scan an hour later (every last-seen moves)",
                rescan.nanos(), rescan.deviceWrites());
        durable.ifPresent(d -> row("set-based on a durable server (fsync and synchronous_commit on, as `piha inv`"
                + " runs it), median of " + RUNS, "first, empty site", d.nanos(), d.deviceWrites()));
        row("naive row-at-a-time JDBC upsert", "first, empty site", naiveFirst, naiveFirstWrites);
        row("naive row-at-a-time JDBC upsert", "second, same file", naiveSecond, naiveSecondWrites);
        row("naive, on schema 1 (declarative foreign keys)", "first, empty site", naiveOne, naiveOneWrites);
        System.out.printf("%nset-based is %.1fx faster than naive on the first import (%.1fx counting the JVM's first),"
                        + " %.1fx on the second; %.1fx faster than naive on schema 1 on the first%n",
                (double) naiveFirst / setFirst, (double) naiveFirst / cold.nanos(), (double) naiveSecond / setSecond,
                (double) naiveOne / setFirst);
        System.out.printf("lookup by MAC (DeviceRepository.findByMac, %,d random MACs, pooled connection): median"
                        + " %.3f ms, p99 %.3f ms, mean %.3f ms%n", lookups.length, lookups[lookups.length / 2] / 1e6,
                lookups[lookups.length * 99 / 100] / 1e6, Arrays.stream(lookups).average().orElse(0) / 1e6);
        System.out.printf("lookup by MAC with a new connection per call (the CLI's case): median %.3f ms%n",
                coldLookups[coldLookups.length / 2] / 1e6);
        System.exit(0);
    }

    /**
     * First imports into empty sites of a server started as the CLI starts its own (durable: every commit on
     * disk) rather than the tests' throw-away one: one to warm the new server up, then {@value #RUNS} measured,
     * of which the median is returned; none when the run uses an external server.
     */
    static Optional<Timed> durableFirstImport(ScanFile scan) throws SQLException {
        if (System.getenv("PIHA_TEST_JDBC_URL") != null) {
            return Optional.empty();
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("piha-bench-durable");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (var db = TestDatabase.startDurable(dir)) {
            DataSource ds = db.getPostgresDatabase();
            InventoryStore store = InventoryStore.open(ds, Clock.systemUTC());
            Site[] sites = Fixtures.sites(store, "durable", IntStream.rangeClosed(0, RUNS).mapToObj(i -> "durable-" + i)
                    .toArray(String[]::new));
            ScanImporter importer = new ScanImporter(store, MacVendors.NONE, FieldOwnership.ofDefaults());
            importTimed(importer, ds, sites[0].id(), scan, "durable server, warm-up");
            Timed[] firsts = new Timed[RUNS];
            for (int i = 0; i < RUNS; i++) {
                firsts[i] = importTimed(importer, ds, sites[1 + i].id(), scan,
                        "durable server, first, run " + (i + 1));
            }
            return Optional.of(Timed.median(firsts));
        } catch (IOException e) {
            throw new UncheckedIOException("the durable server did not stop", e);
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** One timed import and the device rows it wrote (counted from its audit entries). */
    record Timed(long nanos, int deviceWrites) {

        static Timed median(Timed[] runs) {
            Timed[] sorted = runs.clone();
            Arrays.sort(sorted, java.util.Comparator.comparingLong(Timed::nanos));
            return sorted[sorted.length / 2];
        }
    }

    static Timed importTimed(ScanImporter importer, DataSource ds, UUID site, ScanFile scan, String label)
            throws SQLException {
        settle(ds);
        long[] last = {System.nanoTime()};
        long t0 = last[0];
        ImportProgress phases = (phase, done, total) -> {
            if (Boolean.getBoolean("bench.phases") && (phase.equals("applying") || done == total)) {
                long now = System.nanoTime();
                System.out.printf("    %s %d/%d +%.0f ms%n", phase, done, total, (now - last[0]) / 1e6);
                last[0] = now;
            }
        };
        ScanResult result = importer.apply(site, scan, "bench", phases);
        long nanos = System.nanoTime() - t0;
        int writes = deviceWrites(ds, result.importRunId());
        System.out.printf("  set-based import, %s: %.2f s, %,d device rows and %,d sightings written%n", label,
                nanos / 1e9, writes, result.sightingsWritten());
        return new Timed(nanos, writes);
    }

    /**
     * Lets the server finish the previous import's background work before the next one is timed: vacuums and
     * analyses what it wrote (as autovacuum would, minutes later) and checkpoints, so a run never pays for the
     * one before it.
     */
    static void settle(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) device, device_mac, sighting, audit_log, import_run");
            try {
                s.execute("CHECKPOINT");
            } catch (SQLException notSuperuser) {
                // an external server may not let us; the vacuum still keeps runs apart
            }
        }
    }

    /** An organisation and a site, written with plain SQL (the store would migrate the schema to the latest). */
    static UUID siteOnSchemaOne(DataSource ds) throws SQLException {
        UUID org = UUID.randomUUID();
        UUID site = UUID.randomUUID();
        try (Connection c = ds.getConnection();
             PreparedStatement o = c.prepareStatement("INSERT INTO organisation (id, slug, name) VALUES (?, 'one', 'One')");
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO site (id, organisation_id, slug, name) VALUES (?, ?, 'naive', 'Naive')")) {
            o.setObject(1, org);
            o.executeUpdate();
            s.setObject(1, site);
            s.setObject(2, org);
            s.executeUpdate();
        }
        return site;
    }

    static ScanFile generate(int n, Instant seen) {
        List<ScanRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // a scan lists hosts by address; their MACs follow no order (an odd multiplier scatters them, distinct)
            int nic = (int) ((i * 0x9E3779B1L) & 0xFF_FFFF);
            String mac = String.format("00:16:3e:%02x:%02x:%02x", (nic >> 16) & 255, (nic >> 8) & 255, nic & 255);
            String ip = String.format("10.%d.%d.%d", (i >> 16) & 255, (i >> 8) & 255, i & 255);
            rows.add(new ScanRow(i + 1, MacAddress.parse(mac), io.piha.api.inventory.IpAddress.parse(ip),
                    Optional.of("host-" + i), Optional.empty(), seen));
        }
        return new ScanFile(rows, List.of());
    }

    /** What people write first: one lookup and one upsert per row, each its own transaction. */
    static int naive(DataSource ds, UUID site, ScanFile scan) throws SQLException {
        int deviceWrites = 0;
        try (Connection c = ds.getConnection();
             PreparedStatement find = c.prepareStatement(
                     "SELECT device_id FROM device_mac WHERE site_id = ? AND mac = CAST(? AS macaddr)");
             PreparedStatement device = c.prepareStatement("INSERT INTO device (id, site_id, slug, name) VALUES (?, ?, ?, ?)"
                     + " ON CONFLICT (site_id, slug) DO UPDATE SET name = excluded.name, version = device.version + 1");
             PreparedStatement mac = c.prepareStatement(
                     "INSERT INTO device_mac (site_id, mac, device_id) VALUES (?, CAST(? AS macaddr), ?)");
             PreparedStatement sighting = c.prepareStatement("INSERT INTO sighting (site_id, mac, source, ip, hostname,"
                     + " first_seen, last_seen) VALUES (?, CAST(? AS macaddr), 'scan', CAST(? AS inet), ?, ?, ?)"
                     + " ON CONFLICT (site_id, mac, source) DO UPDATE SET ip = excluded.ip, hostname = excluded.hostname,"
                     + " last_seen = excluded.last_seen")) {
            c.setAutoCommit(true);
            for (ScanRow row : scan.rows()) {
                find.setObject(1, site);
                find.setString(2, row.mac().value());
                UUID id;
                try (ResultSet rs = find.executeQuery()) {
                    id = rs.next() ? rs.getObject(1, UUID.class) : null;
                }
                String slug = "mac-" + row.mac().value().replace(":", "");
                device.setObject(1, id == null ? UUID.randomUUID() : id);
                device.setObject(2, site);
                device.setString(3, slug);
                device.setString(4, row.hostname().orElse(row.mac().value()));
                deviceWrites += device.executeUpdate();
                if (id == null) {
                    c.setAutoCommit(false);
                    try (PreparedStatement idOf = c.prepareStatement("SELECT id FROM device WHERE site_id = ? AND slug = ?")) {
                        idOf.setObject(1, site);
                        idOf.setString(2, slug);
                        try (ResultSet rs = idOf.executeQuery()) {
                            rs.next();
                            mac.setObject(1, site);
                            mac.setString(2, row.mac().value());
                            mac.setObject(3, rs.getObject(1, UUID.class));
                            mac.executeUpdate();
                        }
                    }
                    c.commit();
                    c.setAutoCommit(true);
                }
                sighting.setObject(1, site);
                sighting.setString(2, row.mac().value());
                sighting.setString(3, row.ip().value());
                sighting.setString(4, row.hostname().orElse(null));
                sighting.setObject(5, java.sql.Timestamp.from(row.seenAt()));
                sighting.setObject(6, java.sql.Timestamp.from(row.seenAt()));
                sighting.executeUpdate();
            }
        }
        return deviceWrites;
    }

    static long[] lookups(InventoryStore store, UUID site, ScanFile scan, int n) {
        Random random = new Random(42);
        for (int i = 0; i < 1_000; i++) {
            store.devices().findByMac(SiteScope.of(site), scan.rows().get(random.nextInt(scan.rows().size())).mac());
        }
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            MacAddress mac = scan.rows().get(random.nextInt(scan.rows().size())).mac();
            long t = System.nanoTime();
            if (store.devices().findByMac(SiteScope.of(site), mac).size() != 1) {
                throw new IllegalStateException("lookup of " + mac + " did not find exactly one device");
            }
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        return times;
    }

    static int deviceWrites(DataSource ds, UUID run) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT count(*) FROM audit_log WHERE import_run_id = ? AND object_type = 'device'")) {
            s.setObject(1, run);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static void row(String path, String which, long nanos, int writes) {
        System.out.printf("| %s | %s | %.2f s | %,d |%n", path, which, nanos / 1e9, writes);
    }
}
