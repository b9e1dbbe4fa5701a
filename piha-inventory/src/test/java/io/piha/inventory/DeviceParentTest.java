package io.piha.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.inventory.Device;
import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import io.piha.testkit.ManualClock;
import io.piha.testkit.postgres.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A device's parent is a real relation the database keeps whole (schema 5). */
class DeviceParentTest {

    static InventoryStore store;
    static Site home;
    static Site cabin;

    @BeforeAll
    static void open() {
        store = InventoryStore.open(TestDatabase.freshSchema(), new ManualClock(Instant.parse("2026-03-01T00:00:00Z")));
        Site[] sites = Fixtures.sites(store, "parents", "home", "cabin");
        home = sites[0];
        cabin = sites[1];
    }

    static Device create(Site site, String slug, Optional<UUID> parent) {
        return store.devices().create(new Device(UUID.randomUUID(), site.id(), Optional.empty(), parent, Slug.of(slug),
                slug, List.of(), Map.of(), 0), "rohit");
    }

    static Device withParent(Device d, Optional<UUID> parent) {
        return new Device(d.id(), d.siteId(), d.zoneId(), parent, d.slug(), d.name(), d.macs(), d.metadata(), d.version());
    }

    @Test
    void aDeviceIsStoredAndReadWithItsParent() {
        Device root = create(home, "multisensor", Optional.empty());
        Device child = create(home, "multisensor-lux", Optional.of(root.id()));
        assertThat(store.devices().find(SiteScope.of(home.id()), child.id()).orElseThrow().parentId()).contains(root.id());
    }

    @Test
    void aParentOfAnotherSiteOrOneThatDoesNotExistIsRefused() {
        Device elsewhere = create(cabin, "cabin-hub", Optional.empty());
        assertThatThrownBy(() -> create(home, "stray", Optional.of(elsewhere.id())))
                .isInstanceOf(InventoryException.Conflict.class).hasMessageContaining("device_parent_same_site");
        UUID ghost = UUID.randomUUID();
        assertThatThrownBy(() -> create(home, "orphan", Optional.of(ghost)))
                .isInstanceOf(InventoryException.NotFound.class).hasMessageContaining("device_parent_device")
                .hasMessageContaining(ghost.toString());
    }

    @Test
    void aDeviceNeverBecomesItsOwnAncestor() {
        Device a = create(home, "a", Optional.empty());
        Device b = create(home, "b", Optional.of(a.id()));
        Device c = create(home, "c", Optional.of(b.id()));
        assertThatThrownBy(() -> store.devices().update(withParent(a, Optional.of(c.id())), "rohit"))
                .isInstanceOf(InventoryException.Conflict.class).hasMessageContaining("device_no_cycle");
        assertThatThrownBy(() -> withParent(a, Optional.of(a.id()))).hasMessageContaining("own parent");
    }

    @Test
    void deletingAParentLeavesItsChildrenWithoutOneAndSaysSoInTheAuditLog() {
        Device root = create(home, "old-hub", Optional.empty());
        Device child = create(home, "old-hub-relay", Optional.of(root.id()));
        store.devices().delete(root.id(), root.version(), "anita");
        Device after = store.devices().find(SiteScope.of(home.id()), child.id()).orElseThrow();
        assertThat(after.parentId()).isEmpty();
        assertThat(after.version()).isEqualTo(child.version() + 1);
        assertThat(store.audit().recent(SiteScope.of(home.id()), 5)).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo("update");
            assertThat(r.objectId()).isEqualTo(child.id());
            assertThat(r.actor()).isEqualTo("anita");
        });
    }
}
