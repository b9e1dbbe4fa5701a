package io.piha.inventory.scan;

import io.piha.testkit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.inventory.AuditRecord;
import io.piha.api.inventory.Device;
import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.MacAddress;
import io.piha.api.inventory.Sighting;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import io.piha.inventory.FieldOwnership;
import io.piha.inventory.Fixtures;
import io.piha.inventory.ImportProgress;
import io.piha.inventory.ImportRun;
import io.piha.inventory.InventoryStore;
import io.piha.inventory.RowRejection;
import io.piha.testkit.postgres.TestDatabase;
import io.piha.inventory.internal.Json;
import io.piha.inventory.oui.MacVendors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScanImporterTest {

    static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
    static ManualClock clock = new ManualClock(T0);
    static InventoryStore store;
    static ScanImporter importer;
    static Site home;
    static Site office;
    static Site cabin;

    @BeforeAll
    static void setUp() {
        store = InventoryStore.open(TestDatabase.freshSchema(), clock);
        Site[] sites = Fixtures.sites(store, "anand", "fremont", "office", "cabin");
        home = sites[0];
        office = sites[1];
        cabin = sites[2];
        importer = new ScanImporter(store, MacVendors.NONE, FieldOwnership.ofDefaults());
    }

    static ScanFile scan(String json) {
        return ScanFile.parse(json, T0, "test.json");
    }

    static final String SCAN = """
            {"scanned_at": "2026-02-01T09:55:00Z", "devices": [
              {"ip": "192.168.68.1",  "mac": "60:22:32:aa:bb:01", "hostname": "router"},
              {"ip": "192.168.68.56", "mac": "00-11-32-AA-BB-02", "hostname": "homeseer", "vendor": "Synology"},
              {"ip": "192.168.68.77", "mac": "da:a1:19:00:00:03"},
              {"ip": "192.168.68.300", "mac": "00:11:32:aa:bb:04"},
              {"ip": "192.168.68.80", "mac": "not-a-mac"},
              {"ip": "192.168.68.81", "mac": "60:22:32:aa:bb:01", "hostname": "duplicate"},
              {"ip": "192.168.68.82", "mac": "01:00:5e:00:00:fb"},
              {"ip": "192.168.68.83", "mac": "00:11:32:aa:bb:05", "timestamp": "yesterday"}
            ]}""";

    @Test
    void eachRowIsAcceptedOrRejectedWithTheRowAndTheReason() {
        ScanFile file = scan(SCAN);
        assertThat(file.rows()).extracting(ScanRow::row).containsExactly(1, 2, 3);
        assertThat(file.rejected()).extracting(RowRejection::row)
                .containsExactly("row 4", "row 5", "row 6", "row 7", "row 8");
        assertThat(file.rejected().get(0).reason()).contains("192.168.68.300");
        assertThat(file.rejected().get(1).reason()).contains("not-a-mac");
        assertThat(file.rejected().get(2).reason()).contains("row 1");
        assertThat(file.rejected().get(3).reason()).contains("multicast");
        assertThat(file.rejected().get(4).reason()).contains("yesterday");
    }

    @Test
    void rejectedRowsAreKeptWithTheRunWithTheirReasonAndRawRow() {
        Site site = Fixtures.sites(store, "kept", "kept-site")[0];
        ScanResult r = importer.apply(site.id(), scan(SCAN), "rohit", ImportProgress.SILENT);
        ImportRun run = store.importRuns().find(r.importRunId()).orElseThrow();
        assertThat(run.accepted()).isEqualTo(3);
        assertThat(run.rejected()).isEqualTo(5);
        assertThat(run.summary()).containsEntry("format", "json").containsEntry("devices_created", 3);
        List<RowRejection> kept = store.importRuns().rejections(r.importRunId());
        assertThat(kept).isEqualTo(r.rejected());
        assertThat(kept.get(1)).satisfies(rejection -> {
            assertThat(rejection.row()).isEqualTo("row 5");
            assertThat(rejection.value()).isEqualTo("not-a-mac");
            assertThat(rejection.raw()).isEqualTo("{\"ip\": \"192.168.68.80\", \"mac\": \"not-a-mac\"}");
        });
        assertThat(store.importRuns().latest(site.id())).map(ImportRun::id).contains(r.importRunId());
    }

    @Test
    void aDryRunKeepsNeitherItsRunNorItsRejections() {
        Site site = Fixtures.sites(store, "dry", "dry-site")[0];
        ScanResult preview = importer.dryRun(site.id(), scan(SCAN), "rohit");
        assertThat(preview.rejected()).hasSize(5);
        assertThat(store.importRuns().find(preview.importRunId())).isEmpty();
        assertThat(store.importRuns().rejections(preview.importRunId())).isEmpty();
    }

    @Test
    void randomizedMacsAreFlaggedInTheResultAndOnTheDevicesTheyCreate() {
        Site site = Fixtures.sites(store, "random", "random-site")[0];
        ScanResult r = importer.apply(site.id(), scan(SCAN), "rohit", ImportProgress.SILENT);
        assertThat(r.randomized()).containsExactly(MacAddress.parse("da:a1:19:00:00:03"));
        assertThat(store.importRuns().find(r.importRunId()).orElseThrow().summary()).containsEntry("randomized_macs", 1);
        Device phone = store.devices().findByMac(SiteScope.of(site.id()), MacAddress.parse("da:a1:19:00:00:03")).get(0);
        assertThat(phone.metadata()).containsEntry("randomized_mac", "true");
        Device router = store.devices().findByMac(SiteScope.of(site.id()), MacAddress.parse("60:22:32:aa:bb:01")).get(0);
        assertThat(router.metadata()).doesNotContainKey("randomized_mac");
    }

    @Test
    void malformedJsonIsRefusedNamingThePosition() {
        assertThatThrownBy(() -> scan("[{\"ip\": \"10.0.0.1\", \"mac\": }]"))
                .isInstanceOf(InventoryException.class).hasMessageContaining("line 1, column");
    }

    @Test
    void aDryRunShowsTheDiffAndWritesNothing() {
        ScanResult preview = importer.dryRun(office.id(), scan(SCAN), "rohit");
        assertThat(preview.dryRun()).isTrue();
        assertThat(preview.newMacs()).hasSize(3);
        assertThat(preview.devicesCreated()).isEqualTo(3);
        assertThat(store.devices().list(SiteScope.of(office.id()))).isEmpty();
        assertThat(store.sightings().list(SiteScope.of(office.id()))).isEmpty();
        assertThat(store.audit().byImportRun(preview.importRunId())).isEmpty();
    }

    @Test
    void applyingTwiceWritesNothingTheSecondTime() {
        ScanResult first = importer.apply(home.id(), scan(SCAN), "rohit", ImportProgress.SILENT);
        assertThat(first.devicesCreated()).isEqualTo(3);
        assertThat(first.sightingsWritten()).isEqualTo(3);
        assertThat(first.rejected()).hasSize(5);
        List<AuditRecord> audit = store.audit().byImportRun(first.importRunId());
        assertThat(audit).isNotEmpty().allSatisfy(r -> assertThat(r.actor()).isEqualTo("rohit"));
        // one 'create' entry per new device, naming its MAC (not a second entry for the device_mac row)
        assertThat(audit).hasSize(3).allSatisfy(r -> {
            assertThat(r.action()).isEqualTo("create");
            assertThat(r.objectType()).isEqualTo("device");
            assertThat(r.siteId()).contains(home.id());
        });
        // the entry holds the device's row as the audit trigger would write it, and its MAC
        assertThat(audit).extracting(r -> Json.MAPPER.readTree(r.after().orElseThrow()))
                .anySatisfy(after -> {
                    assertThat(after.path("macs").toString()).isEqualTo("[\"60:22:32:aa:bb:01\"]");
                    assertThat(after.path("slug").asText()).isEqualTo("mac-602232aabb01");
                    assertThat(after.path("site_id").asText()).isEqualTo(home.id().toString());
                    assertThat(after.path("zone_id").isNull()).isTrue();
                    assertThat(after.path("version").asInt(-1)).isZero();
                });

        clock.advance(Duration.ofHours(1));
        ScanResult again = importer.apply(home.id(), scan(SCAN), "rohit", ImportProgress.SILENT);
        assertThat(again.deviceRowsWritten()).isZero();
        assertThat(again.sightingsWritten()).isZero();
        assertThat(again.newMacs()).isEmpty();
        assertThat(store.audit().byImportRun(again.importRunId())).isEmpty();

        Device router = store.devices().findByMac(SiteScope.of(home.id()), MacAddress.parse("60:22:32:aa:bb:01")).get(0);
        assertThat(router.name()).isEqualTo("router");
        assertThat(router.slug().value()).isEqualTo("mac-602232aabb01");
    }

    @Test
    void aMovedMacIsReportedAndItsPreviousAddressKept() {
        String before = "[{\"ip\": \"10.1.0.5\", \"mac\": \"00:1a:2b:00:00:01\", \"timestamp\": \"2026-02-01T08:00:00Z\"}]";
        String after = "[{\"ip\": \"10.1.0.9\", \"mac\": \"00:1a:2b:00:00:01\", \"timestamp\": \"2026-02-01T09:00:00Z\"}]";
        importer.apply(cabin.id(), scan(before), "rohit", ImportProgress.SILENT);
        ScanResult moved = importer.apply(cabin.id(), scan(after), "rohit", ImportProgress.SILENT);
        assertThat(moved.moved()).containsExactly(new ScanResult.Move(MacAddress.parse("00:1a:2b:00:00:01"),
                IpAddress.parse("10.1.0.5"), IpAddress.parse("10.1.0.9")));
        Sighting s = store.sightings().findByMac(SiteScope.of(cabin.id()), MacAddress.parse("00:1a:2b:00:00:01")).get(0);
        assertThat(s.previousIp()).contains(IpAddress.parse("10.1.0.5"));
        assertThat(s.firstSeen()).isEqualTo(Instant.parse("2026-02-01T08:00:00Z"));
        assertThat(s.lastSeen()).isEqualTo(Instant.parse("2026-02-01T09:00:00Z"));
    }

    @Test
    void aPersonsEditIsNeverOverwrittenButTheRefusalIsAudited() {
        Site[] own = Fixtures.sites(store, "edits", "edit-site");
        UUID site = own[0].id();
        importer.apply(site, scan("[{\"ip\": \"10.2.0.5\", \"mac\": \"00:1a:2b:00:00:09\", \"hostname\": \"esp-1234\","
                + " \"timestamp\": \"2026-02-01T08:00:00Z\"}]"), "scanner", ImportProgress.SILENT);
        Device d = store.devices().findByMac(SiteScope.of(site), MacAddress.parse("00:1a:2b:00:00:09")).get(0);
        store.devices().update(Fixtures.renamed(d, "Garden sprinkler"), "anita");

        ScanResult rescan = importer.apply(site, scan("[{\"ip\": \"10.2.0.5\", \"mac\": \"00:1a:2b:00:00:09\","
                + " \"hostname\": \"esp-5678\", \"timestamp\": \"2026-02-01T09:00:00Z\"}]"), "scanner", ImportProgress.SILENT);
        assertThat(rescan.devicesRenamed()).isZero();
        assertThat(rescan.fieldsKept()).isEqualTo(1);
        assertThat(store.devices().find(SiteScope.of(site), d.id()).orElseThrow().name()).isEqualTo("Garden sprinkler");
        assertThat(store.audit().byImportRun(rescan.importRunId())).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("keep-field");
            assertThat(r.before().orElseThrow()).contains("Garden sprinkler").contains("manual");
            assertThat(r.after().orElseThrow()).contains("esp-5678");
        });
    }

    @Test
    void aScanMayRenameWhatItNamedItself() {
        Site[] own = Fixtures.sites(store, "renames", "rename-site");
        UUID site = own[0].id();
        importer.apply(site, scan("[{\"ip\": \"10.3.0.5\", \"mac\": \"00:1a:2b:00:00:0a\", \"hostname\": \"old\"}]"),
                "scanner", ImportProgress.SILENT);
        ScanResult r = importer.apply(site, scan("[{\"ip\": \"10.3.0.5\", \"mac\": \"00:1a:2b:00:00:0a\","
                + " \"hostname\": \"new\"}]"), "scanner", ImportProgress.SILENT);
        assertThat(r.devicesRenamed()).isEqualTo(1);
        assertThat(store.devices().findByMac(SiteScope.of(site), MacAddress.parse("00:1a:2b:00:00:0a")).get(0).name())
                .isEqualTo("new");
    }

    @Test
    void aNewMacWhoseSlugAnotherDeviceHasGetsNoDeviceButIsReportedAndSighted() {
        Site barn = Fixtures.sites(store, "slugs", "barn")[0];
        store.devices().create(new Device(UUID.randomUUID(), barn.id(), Optional.empty(), Optional.empty(), Slug.of("mac-00aa11000001"),
                "Named by hand", List.of(), Map.of(), 0), "rohit");
        ScanResult r = importer.apply(barn.id(), scan("[{\"ip\": \"10.4.0.1\", \"mac\": \"00:aa:11:00:00:01\"},"
                + " {\"ip\": \"10.4.0.2\", \"mac\": \"00:aa:11:00:00:02\"}]"), "scanner", ImportProgress.SILENT);
        assertThat(r.devicesCreated()).isEqualTo(1);
        assertThat(r.newMacs()).hasSize(2);
        assertThat(r.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.row()).isEqualTo("row 1");
            assertThat(rejection.value()).isEqualTo("00:aa:11:00:00:01");
            assertThat(rejection.reason()).contains("mac-00aa11000001", "sighting is recorded");
            assertThat(rejection.raw()).isEqualTo("{\"ip\": \"10.4.0.1\", \"mac\": \"00:aa:11:00:00:01\"}");
        });
        assertThat(store.importRuns().find(r.importRunId()).orElseThrow().rejected()).isEqualTo(1);
        assertThat(store.devices().findByMac(SiteScope.of(barn.id()), MacAddress.parse("00:aa:11:00:00:01"))).isEmpty();
        assertThat(store.sightings().findByMac(SiteScope.of(barn.id()), MacAddress.parse("00:aa:11:00:00:01"))).hasSize(1);
    }

    @Test
    void aTakenSlugIsFoundAlsoWhenTheSiteKnowsMoreMacsThanTheScanBringsNew() {
        // the importer asks about the few new slugs instead of reading the site's: the other way to the same answer
        Site loft = Fixtures.sites(store, "slugs-few", "loft")[0];
        importer.apply(loft.id(), scan("[{\"ip\": \"10.5.0.1\", \"mac\": \"00:aa:22:00:00:01\"},"
                + " {\"ip\": \"10.5.0.2\", \"mac\": \"00:aa:22:00:00:02\"}]"), "scanner", ImportProgress.SILENT);
        store.devices().create(new Device(UUID.randomUUID(), loft.id(), Optional.empty(), Optional.empty(), Slug.of("mac-00aa22000009"),
                "Named by hand", List.of(), Map.of(), 0), "rohit");
        ScanResult r = importer.apply(loft.id(), scan("[{\"ip\": \"10.5.0.9\", \"mac\": \"00:aa:22:00:00:09\"}]"),
                "scanner", ImportProgress.SILENT);
        assertThat(r.devicesCreated()).isZero();
        assertThat(r.rejected()).singleElement()
                .satisfies(rejection -> assertThat(rejection.reason()).contains("mac-00aa22000009"));
        assertThat(store.sightings().findByMac(SiteScope.of(loft.id()), MacAddress.parse("00:aa:22:00:00:09"))).hasSize(1);
    }

    @Test
    void anUnknownSiteIsRefusedAndNothingIsWritten() {
        UUID ghost = UUID.randomUUID();
        assertThatThrownBy(() -> importer.apply(ghost, scan(SCAN), "rohit", ImportProgress.SILENT))
                .isInstanceOf(InventoryException.NotFound.class).hasMessageContaining(ghost.toString());
    }

    @Test
    void locallyAdministeredMacsNeverGetAVendorEvenIfTheScannerGuessedOne() {
        Site[] own = Fixtures.sites(store, "vendors", "vendor-site");
        String json = "[{\"ip\": \"10.4.0.2\", \"mac\": \"da:a1:19:00:00:03\", \"vendor\": \"Apple\"},"
                + " {\"ip\": \"10.4.0.3\", \"mac\": \"00:11:32:00:00:03\", \"vendor\": \"Synology\"}]";
        importer.apply(own[0].id(), scan(json), "rohit", ImportProgress.SILENT);
        List<Device> devices = store.devices().list(SiteScope.of(own[0].id()));
        assertThat(devices).filteredOn(d -> d.macs().get(0).isLocallyAdministered())
                .singleElement().satisfies(d -> assertThat(d.metadata()).doesNotContainKey("vendor"));
        assertThat(devices).filteredOn(d -> !d.macs().get(0).isLocallyAdministered())
                .singleElement().satisfies(d -> assertThat(d.metadata()).containsEntry("vendor", "Synology"));
    }

    @Test
    void progressIsReportedPerChunk() {
        Site[] own = Fixtures.sites(store, "progress", "progress-site");
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 25_000; i++) {
            json.append(i == 0 ? "" : ",").append(String.format(
                    "{\"ip\": \"10.%d.%d.%d\", \"mac\": \"00:16:3e:%02x:%02x:%02x\"}",
                    (i >> 16) & 255, (i >> 8) & 255, i & 255, (i >> 16) & 255, (i >> 8) & 255, i & 255));
        }
        ScanFile file = scan(json.append("]").toString());
        Map<String, List<Long>> reports = new LinkedHashMap<>();
        ImportProgress recorder = (phase, done, total) -> reports.computeIfAbsent(phase + " of " + total,
                p -> new ArrayList<>()).add(done);
        ScanResult r = importer.apply(own[0].id(), file, "rohit", recorder);
        assertThat(r.devicesCreated()).isEqualTo(25_000);
        // an empty site: nothing to stage; 25,000 devices, MACs, audit entries and sightings to write, each
        // reported per chunk and once stored
        List<Long> chunks = List.of(0L, 10_000L, 20_000L, 25_000L);
        assertThat(reports.keySet()).containsExactly("reading of 1", "devices of 25000", "macs of 25000",
                "audit of 25000", "sightings of 25000", "finishing of 1");
        assertThat(reports.get("devices of 25000")).isEqualTo(chunks);
        assertThat(reports.get("sightings of 25000")).isEqualTo(chunks);

        reports.clear();
        importer.apply(own[0].id(), file, "rohit", recorder);
        // the same file again: every row is known, staged in chunks, and nothing is written
        assertThat(reports.keySet()).containsExactly("reading of 1", "staging of 25000", "applying of 3",
                "finishing of 1");
        assertThat(reports.get("staging of 25000")).isEqualTo(chunks);
    }
}
