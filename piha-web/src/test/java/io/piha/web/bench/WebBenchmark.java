package io.piha.web.bench;

import io.piha.api.inventory.Cidr;
import io.piha.api.inventory.Device;
import io.piha.api.inventory.Network;
import io.piha.api.inventory.Organisation;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.piha.inventory.FieldOwnership;
import io.piha.inventory.ImportProgress;
import io.piha.inventory.InventoryStore;
import io.piha.inventory.oui.MacVendors;
import io.piha.inventory.scan.ScanFile;
import io.piha.inventory.scan.ScanImporter;
import io.piha.testkit.postgres.TestDatabase;
import io.piha.web.InventoryWeb;
import io.piha.web.Login;
import io.piha.web.PasswordHash;
import io.piha.web.RunningWeb;
import io.piha.web.WebConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The dashboard with 100,000 devices over 4 sites (plus a 1,000-device site and a 100-device one for the
 * topology): p50/p95 server time of the device list and search (the {@code Server-Timing} header the dashboard
 * sends), with two baselines in the same run (the login page, which reads no database, and the naive list: every
 * device of a site read through the repository and sorted in Java); then the topology in Chromium.
 * {@code ./mvnw -B -q -pl piha-web -am -Pweb-benchmark -DskipTests verify} (see docs/benchmarks.md).
 */
public final class WebBenchmark {

    static final int SITES = 4;
    static final int PER_SITE = 25_000;
    static final String[] VENDORS = {"Raspberry Pi", "Espressif", "Synology", "Ubiquiti", "Apple", "Sonos", "Google"};

    private WebBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        InventoryStore store = InventoryStore.open(TestDatabase.freshSchema(), Clock.systemUTC());
        Organisation org = store.organisations().create(new Organisation(UUID.randomUUID(), Slug.of("bench"), "Bench", 0),
                "bench");
        List<Site> sites = new ArrayList<>();
        long fill = System.nanoTime();
        for (int s = 0; s < SITES; s++) {
            sites.add(site(store, org, "home-" + s, s, PER_SITE));
        }
        Site thousand = site(store, org, "topology-1000", 10, 1_000);
        Site hundred = site(store, org, "topology-100", 11, 100);
        System.out.printf(Locale.ROOT, "filled %d devices over %d sites (+1,100 for the topology) in %.1f s%n",
                SITES * PER_SITE, SITES, (System.nanoTime() - fill) / 1e9);

        PasswordHash hash = PasswordHash.of("bench-password".toCharArray(), 20_000);
        WebConfig config = WebConfig.custom(Login.password("bench", hash)).port(0).build();
        System.out.println();
        System.out.println("request (site of 25,000 devices unless said)              p50 ms   p95 ms   max ms");
        try (RunningWeb web = InventoryWeb.start(config, store, MacVendors.builder().build())) {
            ServerTimes times = new ServerTimes(web.url(), "bench", "bench-password");
            times.report("baseline: GET /login (no database)", "/login");
            naive(store, sites.get(0));
            times.choose(sites.get(0).id());
            System.out.println("-- a new connection per query (PGSimpleDataSource, as an embedder may pass)");
            times.report("device list, page 1, by name", "/devices");
            times.report("search anything 'sonos'", "/devices?q=sonos");
        }
        HikariConfig poolConfig = new HikariConfig();
        poolConfig.setDataSource(store.dataSource());
        poolConfig.setMaximumPoolSize(8);
        try (HikariDataSource pool = new HikariDataSource(poolConfig);
             RunningWeb web = InventoryWeb.start(config, InventoryStore.open(pool, Clock.systemUTC()),
                     MacVendors.builder().build())) {
            ServerTimes times = new ServerTimes(web.url(), "bench", "bench-password");
            System.out.println("-- pooled connections (HikariCP, as piha inv web runs it)");
            pooled(times, sites, thousand);
            TopologyInChromium.run(web.url(), List.of(hundred.id(), thousand.id()), List.of("100", "1,000"));
        }
    }

    private static void pooled(ServerTimes times, List<Site> sites, Site thousand) throws Exception {
        times.choose(sites.get(0).id());
        times.report("device list, page 1, by name", "/devices");
        times.report("device list, page 200, by name", "/devices?page=200");
        times.report("device list, by last seen", "/devices?sort=last_seen");
        times.report("device list, by IP, descending", "/devices?sort=ip&dir=desc");
        times.report("search name 'host-0-12'", "/devices?q=host-0-12&field=name");
        times.report("search MAC, whole", "/devices?q=02:00:00:00:30:39&field=mac");
        times.report("search MAC, part '00:30:3'", "/devices?q=00:30:3&field=mac");
        times.report("search IP, whole", "/devices?q=10.0.48.57&field=ip");
        times.report("search IP, prefix '10.0.48.'", "/devices?q=10.0.48.&field=ip");
        times.report("search vendor 'sonos'", "/devices?q=sonos&field=vendor");
        times.report("search anything 'sonos'", "/devices?q=sonos");
        times.choose(null);
        times.report("all 4 sites (100,000): device list, page 1", "/devices");
        times.report("all 4 sites: search anything 'host-3-2499'", "/devices?q=host-3-2499");
        times.report("all 4 sites: search MAC, whole", "/devices?q=02:00:03:04:c4:19&field=mac");
        times.choose(sites.get(0).id());
        times.report("overview (stats, health, alerts, activity)", "/");
        times.choose(thousand.id());
        times.report("topology JSON of the 1,000-device site", "/topology.json");
    }

    /** A site with one network and {@code devices} devices from a scan, named host-<s>-<n>, vendors in turn. */
    static Site site(InventoryStore store, Organisation org, String slug, int s, int devices) {
        Site site = store.sites().create(new Site(UUID.randomUUID(), org.id(), Slug.of(slug), slug, 0), "bench");
        store.networks().create(new Network(UUID.randomUUID(), site.id(), Cidr.parse("10." + s + ".0.0/16"),
                OptionalInt.empty(), "LAN " + slug, 0), "bench");
        StringBuilder json = new StringBuilder(devices * 110).append("{\"scanned_at\": \"").append(Instant.now())
                .append("\", \"devices\": [");
        for (int i = 0; i < devices; i++) {
            int n = s * 100_000 + i;
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"ip\": \"10.%d.%d.%d\", \"mac\":"
                            + " \"02:00:%02x:%02x:%02x:%02x\", \"hostname\": \"host-%d-%d\", \"vendor\": \"%s\"}",
                    s, i / 250, i % 250 + 1, s, (n >> 16) & 255, (n >> 8) & 255, n & 255, s, i, VENDORS[i % VENDORS.length]));
        }
        new ScanImporter(store, MacVendors.builder().build(), FieldOwnership.ofDefaults()).apply(site.id(),
                ScanFile.parse(json.append("]}").toString(), Instant.now(), slug), "bench", ImportProgress.SILENT);
        return site;
    }

    /** Baseline: what a page would cost that read every device of the site and sorted and paged in Java. */
    static void naive(InventoryStore store, Site site) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < ServerTimes.WARMUP + 30; i++) {
            long t = System.nanoTime();
            List<Device> page = store.devices().list(SiteScope.of(site.id())).stream()
                    .sorted(Comparator.comparing(Device::name)).limit(50).toList();
            if (page.isEmpty()) {
                throw new IllegalStateException("no devices");
            }
            if (i >= ServerTimes.WARMUP) {
                ms.add((System.nanoTime() - t) / 1e6);
            }
        }
        ServerTimes.print("baseline: repository list + sort in Java (30 runs)", ms);
    }
}
