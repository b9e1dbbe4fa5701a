package io.piha.inventory;

import io.piha.testkit.ManualClock;
import io.piha.testkit.postgres.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.inventory.AuditRecord;
import io.piha.api.inventory.Cidr;
import io.piha.api.inventory.Device;
import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.MacAddress;
import io.piha.api.inventory.Network;
import io.piha.api.inventory.Organisation;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import io.piha.api.inventory.Zone;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RepositoryTest {

    static ManualClock clock = new ManualClock(Instant.parse("2026-01-10T08:00:00Z"));
    static DataSource ds;
    static InventoryStore store;
    static Site home;
    static Site tahoe;

    @BeforeAll
    static void seed() {
        ds = TestDatabase.freshSchema();
        store = InventoryStore.open(ds, clock);
        Organisation org = store.organisations().create(new Organisation(UUID.randomUUID(), Slug.of("anand"), "Anand family", 0), "rohit");
        home = store.sites().create(new Site(UUID.randomUUID(), org.id(), Slug.of("fremont"), "Fremont", 0), "rohit");
        tahoe = store.sites().create(new Site(UUID.randomUUID(), org.id(), Slug.of("tahoe"), "Tahoe", 0), "rohit");
    }

    private static Zone zone(Site site, Optional<UUID> parent, String slug) {
        return store.zones().create(new Zone(UUID.randomUUID(), site.id(), parent, Slug.of(slug), slug, 0), "rohit");
    }

    private static Device device(Site site, String slug, String... macs) {
        return new Device(UUID.randomUUID(), site.id(), Optional.empty(), Optional.empty(), Slug.of(slug), slug,
                java.util.Arrays.stream(macs).map(MacAddress::parse).toList(), Map.of("kind", "test"), 0);
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void sameSlugIsAllowedInTwoSitesButNotTwiceInOne() {
        zone(home, Optional.empty(), "garage");
        zone(tahoe, Optional.empty(), "garage");
        assertThatThrownBy(() -> zone(home, Optional.empty(), "garage"))
                .isInstanceOf(InventoryException.Conflict.class)
                .hasMessageContaining("garage").hasMessageContaining("zone_slug_unique");
    }

    @Test
    void zonesNestToAnyDepthButNeverInACycle() {
        Zone floor = zone(home, Optional.empty(), "first-floor");
        Zone room = zone(home, Optional.of(floor.id()), "living-room");
        Zone corner = zone(home, Optional.of(room.id()), "tv-corner");
        Zone loop = new Zone(floor.id(), home.id(), Optional.of(corner.id()), floor.slug(), floor.name(), floor.version());
        assertThatThrownBy(() -> store.zones().update(loop, "rohit"))
                .isInstanceOf(InventoryException.Conflict.class)
                .hasMessageContaining("zone_no_cycle");
        assertThat(store.zones().find(SiteScope.of(home.id()), floor.id()).orElseThrow().parentId()).isEmpty();
    }

    @Test
    void theDatabaseItselfRefusesACycleWrittenBehindJavasBack() throws SQLException {
        Zone a = zone(home, Optional.empty(), "loop-a");
        Zone b = zone(home, Optional.of(a.id()), "loop-b");
        assertThatThrownBy(() -> sql("UPDATE zone SET parent_id = '" + b.id() + "' WHERE id = '" + a.id() + "'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("own ancestor");
    }

    @Test
    void aZoneCannotHangUnderAZoneOfAnotherSite() {
        Zone there = zone(tahoe, Optional.empty(), "boathouse");
        assertThatThrownBy(() -> zone(home, Optional.of(there.id()), "shed"))
                .isInstanceOf(InventoryException.Conflict.class)
                .hasMessageContaining("zone_parent_same_site");
    }

    @Test
    void twoWritersNeverSilentlyOverwriteEachOther() {
        Device d = store.devices().create(device(home, "nas", "00:11:32:aa:bb:cc"), "rohit");
        Device first = Fixtures.renamed(d, "NAS (Synology)");
        Device second = Fixtures.renamed(d, "Backup box");
        store.devices().update(first, "rohit");
        assertThatThrownBy(() -> store.devices().update(second, "anita"))
                .isInstanceOf(InventoryException.ConcurrentModification.class)
                .hasMessageContaining("version 0").hasMessageContaining("version 1");
        assertThat(store.devices().find(SiteScope.of(home.id()), d.id()).orElseThrow().name()).isEqualTo("NAS (Synology)");
    }

    @Test
    void queriesStayInsideTheirSiteUnlessAllSitesAreAsked() {
        store.devices().create(device(home, "printer", "3c:2a:f4:00:00:01"), "rohit");
        store.devices().create(device(tahoe, "printer", "3c:2a:f4:00:00:02"), "rohit");
        assertThat(store.devices().list(SiteScope.of(tahoe.id()))).extracting(Device::siteId).containsOnly(tahoe.id());
        assertThat(store.devices().list(SiteScope.allSites())).extracting(Device::siteId).contains(home.id(), tahoe.id());
        assertThat(store.devices().findByMac(SiteScope.of(home.id()), MacAddress.parse("3C-2A-F4-00-00-02"))).isEmpty();
        assertThat(store.devices().findByMac(SiteScope.allSites(), MacAddress.parse("3C-2A-F4-00-00-02")))
                .singleElement().extracting(Device::siteId).isEqualTo(tahoe.id());
    }

    @Test
    void aMacBelongsToOneDevicePerSite() {
        store.devices().create(device(home, "tv", "a4:77:33:00:00:01"), "rohit");
        assertThatThrownBy(() -> store.devices().create(device(home, "tv-2", "a4:77:33:00:00:01"), "rohit"))
                .isInstanceOf(InventoryException.Conflict.class).hasMessageContaining("a4:77:33:00:00:01");
        assertThat(store.devices().findBySlug(home.id(), Slug.of("tv-2"))).as("nothing half-written").isEmpty();
    }

    @Test
    void networksKeepTypedCidrsVlansAndAllocationsInside() throws SQLException {
        Network lan = store.networks().create(new Network(UUID.randomUUID(), home.id(), Cidr.parse("192.168.68.0/24"),
                OptionalInt.of(10), "LAN", 0), "rohit");
        store.networks().allocate(lan.id(), IpAddress.parse("192.168.68.56"), Optional.empty(), "rohit");
        assertThatThrownBy(() -> store.networks().allocate(lan.id(), IpAddress.parse("192.168.68.56"), Optional.empty(), "anita"))
                .isInstanceOf(InventoryException.Conflict.class).hasMessageContaining("192.168.68.56");
        assertThatThrownBy(() -> store.networks().allocate(lan.id(), IpAddress.parse("10.0.0.1"), Optional.empty(), "rohit"))
                .isInstanceOf(InventoryException.Conflict.class).hasMessageContaining("10.0.0.1");
        assertThatThrownBy(() -> sql("UPDATE network SET vlan = 4095 WHERE id = '" + lan.id() + "'"))
                .hasMessageContaining("vlan");
        assertThatThrownBy(() -> sql("UPDATE network SET cidr = '192.168.68.1/24' WHERE id = '" + lan.id() + "'"))
                .hasMessageContaining("192.168.68.1/24");
        assertThat(store.networks().findByCidr(home.id(), Cidr.parse("192.168.68.0/24"))).isPresent();
    }

    @Test
    void everyChangeIsAuditedWithActorTimeAndBothSides() {
        clock.advance(java.time.Duration.ofMinutes(5));
        Device d = store.devices().create(device(home, "doorbell", "b0:09:da:00:00:01"), "rohit");
        store.devices().update(Fixtures.renamed(d, "Front doorbell"), "anita");
        List<AuditRecord> log = store.audit().recent(SiteScope.of(home.id()), 50).stream()
                .filter(r -> r.objectId().equals(d.id()) && r.objectType().equals("device")).toList();
        assertThat(log).extracting(AuditRecord::action).containsExactly("update", "create");
        AuditRecord update = log.get(0);
        assertThat(update.actor()).isEqualTo("anita");
        assertThat(update.at()).isEqualTo(clock.instant());
        assertThat(update.before().orElseThrow()).contains("\"name\": \"doorbell\"");
        assertThat(update.after().orElseThrow()).contains("\"name\": \"Front doorbell\"");
    }

    @Test
    void deletingAnUnknownDeviceSaysNotFound() {
        UUID nobody = UUID.randomUUID();
        assertThatThrownBy(() -> store.devices().delete(nobody, 0, "rohit"))
                .isInstanceOf(InventoryException.NotFound.class).hasMessageContaining(nobody.toString());
    }

    @Test
    void aDeviceInAnUnknownSiteIsRefused() {
        Site ghost = new Site(UUID.randomUUID(), home.organisationId(), Slug.of("ghost"), "Ghost", 0);
        assertThatThrownBy(() -> store.devices().create(device(ghost, "lamp"), "rohit"))
                .isInstanceOf(InventoryException.NotFound.class).hasMessageContaining(ghost.id().toString());
    }
}
