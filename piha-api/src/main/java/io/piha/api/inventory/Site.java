package io.piha.api.inventory;

import java.util.Objects;
import java.util.UUID;

/**
 * A home or other place with its own network.
 *
 * @param id stable id
 * @param organisationId the owner
 * @param slug unique within the organisation
 * @param name display name
 * @param version optimistic-locking version
 * @since 0.1
 */
public record Site(UUID id, UUID organisationId, Slug slug, String name, long version) {

    /** @throws IllegalArgumentException if the name is blank */
    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(slug, "slug");
        Names.requireValid(name, "site name");
    }
}
