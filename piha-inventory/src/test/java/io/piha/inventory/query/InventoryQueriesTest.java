package io.piha.inventory.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.inventory.Device;
import io.piha.api.inventory.MacAddress;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import io.piha.inventory.FieldOwnership;
import io.piha.inventory.Fixtures;
import io.piha.inventory.ImportProgress;
import io.piha.inventory.InventoryStore;
import io.piha.inventory.oui.MacVendors;
import io.piha.inventory.query.InventoryQueries.DeviceQuery;
import io.piha.inventory.query.InventoryQueries.DeviceSummary;
import io.piha.inventory.query.InventoryQueries.Field;
import io.piha.inventory.query.InventoryQueries.Sort;
import io.piha.inventory.query.InventoryQueries.Status;
import io.piha.inventory.scan.ScanFile;
import io.piha.inventory.scan.ScanImporter;
import io.piha.testkit.ManualClock;
import io.piha.testkit.postgres.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InventoryQueriesTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static InventoryStore store;
    static InventoryQueries queries;
    static Site home;
    static Site cabin;

    @BeforeAll
    static void seed() {
        store = InventoryStore.open(TestDatabase.freshSchema(), new ManualClock(T0));
        queries = InventoryQueries.of(store);
        Site[] sites = Fixtures.sites(store, "anand", "home", "cabin");
        home = sites[0];
        cabin = sites[1];
        String scan = """
                {"scanned_at": "2026-03-01T09:00:00Z", "devices": [
                 {"ip": "192.168.1.20", "mac": "00:11:32:aa:00:01", "hostname": "nas", "vendor": "Synology"},
                 {"ip": "192.168.1.21", "mac": "b8:27:eb:aa:00:02", "hostname": "pi-kitchen", "vendor": "Raspberry Pi"},
                 {"ip": "192.168.1.3", "mac": "f0:9f:c2:aa:00:03", "hostname": "ap_1", "timestamp": "2026-02-20T09:00:00Z"}]}""";
        new ScanImporter(store, MacVendors.builder().build(), FieldOwnership.ofDefaults())
                .apply(home.id(), ScanFile.parse(scan, T0, "scan.json"), "test", ImportProgress.SILENT);
        store.devices().create(new Device(UUID.randomUUID(), home.id(), Optional.empty(), Optional.empty(), Slug.of("thermostat"),
                "Hall thermostat", List.of(), Map.of(), 0), "test");
        store.devices().create(new Device(UUID.randomUUID(), cabin.id(), Optional.empty(), Optional.empty(), Slug.of("cabin-nas"),
                "nas", List.of(MacAddress.parse("00:11:32:bb:00:09")), Map.of(), 0), "test");
    }

    private static List<String> names(SiteScope scope, Field field, String text, Sort sort) {
        return queries.search(scope, new DeviceQuery(text, field, sort, false, 0, 50), T0.minus(Duration.ofHours(1)))
                .devices().stream().map(s -> s.device().name()).toList();
    }

    @Test
    void searchFindsDevicesByNameMacIpAndVendorWithinTheScope() {
        SiteScope scope = SiteScope.of(home.id());
        assertThat(names(scope, Field.NAME, "KITCH", Sort.NAME)).containsExactly("pi-kitchen");
        assertThat(names(scope, Field.MAC, "B8-27-EB-AA-00-02", Sort.NAME)).containsExactly("pi-kitchen");
        assertThat(names(scope, Field.MAC, "aa:00:0", Sort.NAME)).containsExactly("ap_1", "nas", "pi-kitchen");
        assertThat(names(scope, Field.IP, "192.168.1.3", Sort.NAME)).containsExactly("ap_1");
        assertThat(names(scope, Field.IP, "192.168.1.", Sort.NAME)).containsExactly("ap_1", "nas", "pi-kitchen");
        assertThat(names(scope, Field.IP, "192.168.1.2", Sort.NAME)).isEmpty();
        assertThat(names(scope, Field.VENDOR, "synol", Sort.NAME)).containsExactly("nas");
        assertThat(names(scope, Field.ANY, "nas", Sort.NAME)).containsExactly("nas");
        assertThat(names(SiteScope.allSites(), Field.ANY, "nas", Sort.NAME)).containsExactly("nas", "nas");
    }

    @Test
    void likeWildcardsInTheTextAreMatchedLiterally() {
        assertThat(names(SiteScope.of(home.id()), Field.NAME, "ap_", Sort.NAME)).containsExactly("ap_1");
        assertThat(names(SiteScope.of(home.id()), Field.NAME, "%", Sort.NAME)).isEmpty();
    }

    @Test
    void pagesAreSortedAndCountTheWholeMatch() {
        SiteScope scope = SiteScope.of(home.id());
        var page = queries.search(scope, new DeviceQuery("", Field.ANY, Sort.NAME, false, 1, 2), T0);
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.devices()).extracting(s -> s.device().name()).containsExactly("Hall thermostat", "nas");
        assertThat(names(scope, Field.ANY, "", Sort.IP)).containsExactly("ap_1", "nas", "pi-kitchen", "Hall thermostat");
        assertThat(names(scope, Field.ANY, "", Sort.LAST_SEEN)).containsExactly("nas", "pi-kitchen", "ap_1",
                "Hall thermostat");
    }

    @Test
    void statusFollowsTheLastSightingAndTheCountsAgree() {
        Instant since = T0.minus(Duration.ofHours(2));
        Map<String, Status> status = new java.util.HashMap<>();
        for (DeviceSummary s : queries.siteDevices(home.id(), since)) {
            status.put(s.device().name(), s.status());
        }
        assertThat(status).containsEntry("nas", Status.ONLINE).containsEntry("ap_1", Status.OFFLINE)
                .containsEntry("Hall thermostat", Status.UNKNOWN);
        assertThat(queries.statusCounts(SiteScope.of(home.id()), since))
                .isEqualTo(new InventoryQueries.StatusCounts(2, 1, 1));
        DeviceSummary nas = queries.siteDevices(home.id(), since).stream()
                .filter(s -> s.device().name().equals("nas")).findFirst().orElseThrow();
        assertThat(queries.device(SiteScope.of(home.id()), nas.device().id(), since)).contains(nas);
        assertThat(queries.device(SiteScope.of(cabin.id()), nas.device().id(), since)).isEmpty();
    }

    @Test
    void importRunsAndAuditPagesAreScopedAndNewestFirst() {
        assertThat(queries.importRuns(SiteScope.of(home.id()), 10)).singleElement()
                .satisfies(r -> assertThat(r.source()).isEqualTo("scan"));
        assertThat(queries.importRuns(SiteScope.of(cabin.id()), 10)).isEmpty();
        var first = queries.auditPage(SiteScope.of(home.id()), Optional.empty(), 2);
        var next = queries.auditPage(SiteScope.of(home.id()), Optional.of(first.get(1).id()), 100);
        assertThat(first.get(0).id()).isGreaterThan(first.get(1).id());
        assertThat(next).allSatisfy(a -> assertThat(a.id()).isLessThan(first.get(1).id()));
        assertThat(queries.auditEntry(SiteScope.of(cabin.id()), first.get(0).id())).isEmpty();
        assertThat(queries.auditEntry(SiteScope.of(home.id()), first.get(0).id())).isPresent();
    }
}
