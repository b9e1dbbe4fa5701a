package io.piha.api.inventory;

import java.util.Objects;
import java.util.UUID;

/**
 * Who owns sites, e.g. a family or a small business.
 *
 * @param id stable id
 * @param slug unique name
 * @param name display name
 * @param version optimistic-locking version
 * @since 0.1
 */
public record Organisation(UUID id, Slug slug, String name, long version) {

    /** @throws IllegalArgumentException if the name is blank */
    public Organisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Names.requireValid(name, "organisation name");
    }
}
