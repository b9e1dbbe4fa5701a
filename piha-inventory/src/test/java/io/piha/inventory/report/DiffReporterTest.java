package io.piha.inventory.report;

import io.piha.testkit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.inventory.Cidr;
import io.piha.api.inventory.Device;
import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.MacAddress;
import io.piha.api.inventory.Network;
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
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiffReporterTest {

    static ManualClock clock = new ManualClock(Instant.parse("2026-04-01T00:00:00Z"));
    static InventoryStore store;
    static Site home;
    static Site tahoe;
    static SiteDiff diff;

    @BeforeAll
    static void scanTwice() {
        store = InventoryStore.open(TestDatabase.freshSchema(), clock);
        Site[] sites = Fixtures.sites(store, "anand", "fremont", "tahoe");
        home = sites[0];
        tahoe = sites[1];
        ScanImporter importer = new ScanImporter(store, MacVendors.NONE, FieldOwnership.ofDefaults());
        importer.apply(home.id(), ScanFile.parse("""
                {"scanned_at": "2026-03-01T10:00:00Z", "devices": [
                  {"ip": "192.168.68.10", "mac": "00:11:32:00:00:01", "hostname": "nas"},
                  {"ip": "192.168.68.20", "mac": "00:11:32:00:00:02", "hostname": "old-printer"},
                  {"ip": "192.168.68.30", "mac": "00:11:32:00:00:03", "hostname": "laptop"}
                ]}""", Instant.EPOCH, "march.json"), "rohit", ImportProgress.SILENT);
        Device tv = store.devices().create(new Device(UUID.randomUUID(), tahoe.id(), Optional.empty(), Optional.empty(),
                io.piha.api.inventory.Slug.of("tv"), "TV", java.util.List.of(MacAddress.parse("a4:77:33:00:00:09")),
                java.util.Map.of(), 0), "rohit");
        Network lan = store.networks().create(new Network(UUID.randomUUID(), home.id(), Cidr.parse("192.168.68.0/24"),
                OptionalInt.empty(), "LAN", 0), "rohit");
        Device nas = store.devices().findByMac(SiteScope.of(home.id()), MacAddress.parse("00:11:32:00:00:01")).get(0);
        store.networks().allocate(lan.id(), IpAddress.parse("192.168.68.40"), Optional.of(nas.id()), "rohit");
        importer.apply(home.id(), ScanFile.parse("""
                {"scanned_at": "2026-03-20T10:00:00Z", "devices": [
                  {"ip": "192.168.68.10", "mac": "00:11:32:00:00:01", "hostname": "nas"},
                  {"ip": "192.168.68.40", "mac": "00:11:32:00:00:03", "hostname": "laptop"},
                  {"ip": "192.168.68.50", "mac": "3c:2a:f4:00:00:07", "hostname": "new-phone"},
                  {"ip": "192.168.68.60", "mac": "a4:77:33:00:00:09", "hostname": "tv"}
                ]}""", Instant.EPOCH, "later.json"), "rohit", ImportProgress.SILENT);
        assertThat(tv.siteId()).isEqualTo(tahoe.id());
        diff = new DiffReporter(store).diff(home.id(), Instant.parse("2026-03-15T00:00:00Z"));
    }

    @Test
    void newDevicesAreTheMacsFirstSeenSinceTheDate() {
        assertThat(diff.newDevices()).extracting(SiteDiff.Entry::mac)
                .containsExactlyInAnyOrder("3c:2a:f4:00:00:07", "a4:77:33:00:00:09");
    }

    @Test
    void missingDevicesAreCuratedMacsNotSeenSinceTheDate() {
        assertThat(diff.missing()).singleElement().satisfies(e -> {
            assertThat(e.mac()).isEqualTo("00:11:32:00:00:02");
            assertThat(e.device()).contains("mac-001132000002");
        });
    }

    @Test
    void anAddressSeenOnAnotherDeviceThanItsAllocationIsAConflict() {
        assertThat(diff.ipConflicts()).singleElement().satisfies(e -> {
            assertThat(e.ip()).isEqualTo("192.168.68.40");
            assertThat(e.mac()).isEqualTo("00:11:32:00:00:03");
            assertThat(e.detail()).contains("mac-001132000001");
        });
    }

    @Test
    void macsThatChangedAddressOrBelongToAnotherSiteHaveMoved() {
        assertThat(diff.moved()).extracting(SiteDiff.Entry::mac, SiteDiff.Entry::detail).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("00:11:32:00:00:03", "moved from 192.168.68.30"),
                org.assertj.core.groups.Tuple.tuple("a4:77:33:00:00:09", "belongs to device tv of site tahoe"));
    }

    @Test
    void exportsAsCsvAndJson() {
        String csv = Exports.diffCsv(diff);
        assertThat(csv).startsWith("kind,mac,ip,device,last_seen,detail\r\n")
                .contains("missing,00:11:32:00:00:02,192.168.68.20,mac-001132000002,");
        assertThat(Exports.diffJson(diff)).contains("\"ip_conflicts\"").contains("192.168.68.40");
        String devices = Exports.devicesCsv(store.devices().list(SiteScope.of(home.id())),
                java.util.Map.of(home.id(), "fremont"), java.util.Map.of());
        assertThat(devices).startsWith("site,slug,name,zone,parent,macs,metadata\r\n")
                .contains("fremont,mac-001132000001,nas,,,00:11:32:00:00:01,");
    }

    @Test
    void anUnknownSiteIsNamed() {
        UUID ghost = UUID.randomUUID();
        assertThatThrownBy(() -> new DiffReporter(store).diff(ghost, Instant.EPOCH))
                .isInstanceOf(InventoryException.NotFound.class).hasMessageContaining(ghost.toString());
    }
}
