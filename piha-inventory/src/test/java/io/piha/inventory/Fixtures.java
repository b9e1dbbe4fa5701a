package io.piha.inventory;

import io.piha.api.inventory.Device;
import io.piha.api.inventory.Organisation;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.Slug;
import java.util.UUID;

/** Small shared builders for tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The device with another name, as a person's edit would send it. */
    public static Device renamed(Device d, String name) {
        return new Device(d.id(), d.siteId(), d.zoneId(), d.parentId(), d.slug(), name, d.macs(), d.metadata(),
                d.version());
    }

    /** Creates an organisation with one site per slug and returns the sites. */
    public static Site[] sites(InventoryStore store, String org, String... slugs) {
        Organisation o = store.organisations().create(new Organisation(UUID.randomUUID(), Slug.of(org), org, 0), "test");
        Site[] sites = new Site[slugs.length];
        for (int i = 0; i < slugs.length; i++) {
            sites[i] = store.sites().create(new Site(UUID.randomUUID(), o.id(), Slug.of(slugs[i]), slugs[i], 0), "test");
        }
        return sites;
    }
}
