package io.piha.api.inventory;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A part of a site (floor, room, cabinet); zones nest to any depth within one site.
 *
 * @param id stable id
 * @param siteId the site
 * @param parentId the enclosing zone, in the same site; empty for a top-level zone
 * @param slug unique within the site
 * @param name display name
 * @param version optimistic-locking version
 * @since 0.1
 */
public record Zone(UUID id, UUID siteId, Optional<UUID> parentId, Slug slug, String name, long version) {

    /** @throws IllegalArgumentException if the name is blank or the zone is its own parent */
    public Zone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(slug, "slug");
        Names.requireValid(name, "zone name");
        if (parentId.filter(id::equals).isPresent()) {
            throw new IllegalArgumentException("zone " + slug + " cannot be its own parent");
        }
    }
}
