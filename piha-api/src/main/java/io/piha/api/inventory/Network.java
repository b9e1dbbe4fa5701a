package io.piha.api.inventory;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * An IP network of a site.
 *
 * @param id stable id
 * @param siteId the site
 * @param cidr the network, e.g. {@code 192.168.10.0/24}
 * @param vlan the VLAN id (1-4094), if tagged
 * @param name display name
 * @param version optimistic-locking version
 * @since 0.1
 */
public record Network(UUID id, UUID siteId, Cidr cidr, OptionalInt vlan, String name, long version) {

    /** @throws IllegalArgumentException naming the value if the VLAN is out of range */
    public Network {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(cidr, "cidr");
        Objects.requireNonNull(vlan, "vlan");
        Names.requireValid(name, "network name");
        if (vlan.isPresent() && (vlan.getAsInt() < 1 || vlan.getAsInt() > 4094)) {
            throw new IllegalArgumentException("invalid VLAN id " + vlan.getAsInt() + ": expected 1-4094");
        }
    }
}
