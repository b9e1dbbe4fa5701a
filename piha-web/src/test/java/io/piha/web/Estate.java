package io.piha.web;

import io.piha.api.inventory.Cidr;
import io.piha.api.inventory.Device;
import io.piha.api.inventory.MacAddress;
import io.piha.api.inventory.Network;
import io.piha.api.inventory.Organisation;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.Slug;
import io.piha.api.inventory.Zone;
import io.piha.inventory.FieldOwnership;
import io.piha.inventory.ImportProgress;
import io.piha.inventory.InventoryStore;
import io.piha.inventory.oui.MacVendors;
import io.piha.inventory.scan.ScanFile;
import io.piha.inventory.scan.ScanImporter;
import io.piha.testkit.postgres.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The estate every test class of the module looks at: one database for the whole suite (the testkit's
 * {@link TestDatabase}), filled once: the Anand family's two homes with zones, networks, a scan and a few HomeSeer
 * devices (a Z-Wave controller with a child). Test classes add what they change under names of their own.
 */
final class Estate {

    static final Instant NOW = Instant.now();
    private static Estate estate;

    final InventoryStore store;
    final Site fremont;
    final Site tahoe;
    final Zone firstFloor;
    final Zone kitchen;

    private Estate() {
        store = InventoryStore.open(TestDatabase.freshSchema(), Clock.systemUTC());
        Organisation anand = store.organisations().create(new Organisation(UUID.randomUUID(), Slug.of("anand"),
                "Anand family", 0), "seed");
        fremont = store.sites().create(new Site(UUID.randomUUID(), anand.id(), Slug.of("fremont"), "Fremont", 0), "seed");
        tahoe = store.sites().create(new Site(UUID.randomUUID(), anand.id(), Slug.of("tahoe"), "Tahoe", 0), "seed");
        firstFloor = zone(fremont, Optional.empty(), "first-floor", "First floor");
        kitchen = zone(fremont, Optional.of(firstFloor.id()), "kitchen", "Kitchen");
        zone(fremont, Optional.empty(), "server-closet", "Server closet");
        zone(tahoe, Optional.empty(), "cabin", "Cabin");
        store.networks().create(new Network(UUID.randomUUID(), fremont.id(), Cidr.parse("192.168.68.0/24"),
                OptionalInt.empty(), "Main LAN", 0), "seed");
        store.networks().create(new Network(UUID.randomUUID(), fremont.id(), Cidr.parse("10.20.0.0/24"),
                OptionalInt.of(20), "IoT VLAN", 0), "seed");
        store.networks().create(new Network(UUID.randomUUID(), tahoe.id(), Cidr.parse("192.168.1.0/24"),
                OptionalInt.empty(), "Cabin LAN", 0), "seed");
        new ScanImporter(store, MacVendors.builder().build(), FieldOwnership.ofDefaults())
                .apply(fremont.id(), ScanFile.parse(scan(), NOW, "seed-scan.json"), "seed", ImportProgress.SILENT);
        homeSeer("zwave-controller", "Z-Wave controller", "root", "", kitchen);
        homeSeer("kitchen-light", "Kitchen light", "child", "100", kitchen);
        homeSeer("hall-motion", "Hall motion", "child", "100", firstFloor);
        store.devices().create(new Device(UUID.randomUUID(), tahoe.id(), Optional.empty(), Optional.empty(), Slug.of("cabin-nas"),
                "Cabin NAS", List.of(MacAddress.parse("00:11:32:bb:00:09")), Map.of("vendor", "Synology"), 0), "seed");
    }

    /** The estate, filled on first use. */
    static synchronized Estate get() {
        if (estate == null) {
            estate = new Estate();
        }
        return estate;
    }

    private Zone zone(Site site, Optional<UUID> parent, String slug, String name) {
        return store.zones().create(new Zone(UUID.randomUUID(), site.id(), parent, Slug.of(slug), name, 0), "seed");
    }

    private void homeSeer(String slug, String name, String relationship, String associated, Zone zone) {
        String ref = relationship.equals("root") ? "100" : String.valueOf(100 + slug.length());
        store.devices().create(new Device(UUID.randomUUID(), fremont.id(), Optional.of(zone.id()), Optional.empty(), Slug.of(slug), name,
                List.of(), Map.of("homeseer.ref", ref, "homeseer.relationship", relationship,
                "homeseer.associated_devices", associated, "homeseer.interface", "Z-Wave"), 0), "seed");
    }

    /** A scan of the Fremont LAN and IoT VLAN: a NAS, Raspberry Pis, access points, a phone seen long ago. */
    private static String scan() {
        StringBuilder out = new StringBuilder("{\"scanned_at\": \"" + NOW + "\", \"devices\": [");
        String[][] rows = {
            {"192.168.68.10", "00:11:32:aa:00:01", "nas", "Synology"},
            {"192.168.68.21", "b8:27:eb:aa:00:02", "pi-primary", "Raspberry Pi"},
            {"192.168.68.22", "b8:27:eb:aa:00:03", "pi-standby", "Raspberry Pi"},
            {"192.168.68.2", "f0:9f:c2:aa:00:04", "ap-hall", "Ubiquiti"},
            {"10.20.0.31", "d8:f1:5b:aa:00:05", "plug-kettle", "Espressif"},
            {"10.20.0.32", "d8:f1:5b:aa:00:06", "plug-heater", "Espressif"},
        };
        for (int i = 0; i < rows.length; i++) {
            out.append(i == 0 ? "" : ",").append("{\"ip\": \"").append(rows[i][0]).append("\", \"mac\": \"")
                    .append(rows[i][1]).append("\", \"hostname\": \"").append(rows[i][2]).append("\", \"vendor\": \"")
                    .append(rows[i][3]).append("\"}");
        }
        out.append(",{\"ip\": \"192.168.68.77\", \"mac\": \"3c:22:fb:aa:00:07\", \"hostname\": \"old-phone\","
                + " \"timestamp\": \"2026-01-01T00:00:00Z\"}");
        return out.append("]}").toString();
    }
}
