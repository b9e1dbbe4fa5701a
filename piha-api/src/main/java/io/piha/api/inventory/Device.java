package io.piha.api.inventory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A curated device record (as opposed to a sighting on the network).
 *
 * @param id stable id
 * @param siteId the site
 * @param zoneId where it is, if known
 * @param parentId the device it is part of, if any (a HomeSeer root device and its features): same site, never
 *                 its own ancestor
 * @param slug unique within the site
 * @param name display name
 * @param macs its MAC addresses
 * @param metadata free fields (stored as JSON)
 * @param version optimistic-locking version
 * @since 0.1
 */
public record Device(UUID id, UUID siteId, Optional<UUID> zoneId, Optional<UUID> parentId, Slug slug, String name,
                     List<MacAddress> macs, Map<String, String> metadata, long version) {

    /** @throws IllegalArgumentException if the name is blank or the device is its own parent */
    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(slug, "slug");
        if (parentId.isPresent() && parentId.get().equals(id)) {
            throw new IllegalArgumentException("device " + slug + " cannot be its own parent");
        }
        Names.requireValid(name, "device name");
        macs = List.copyOf(macs);
        metadata = Map.copyOf(metadata);
    }
}
