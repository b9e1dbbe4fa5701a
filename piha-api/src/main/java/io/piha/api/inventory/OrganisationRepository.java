package io.piha.api.inventory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores {@link Organisation} records. Organisations are above sites, so they are not site-scoped.
 * Thread-safe.
 *
 * @since 0.1
 */
public interface OrganisationRepository {

    /** Stores a new organisation and returns it as stored. */
    Organisation create(Organisation value, String actor);

    /** The organisation with this id. */
    Optional<Organisation> find(UUID id);

    /** The organisation with this slug. */
    Optional<Organisation> findBySlug(Slug slug);

    /** Every organisation. */
    List<Organisation> list();

    /** Replaces the organisation if its version is still current. */
    Organisation update(Organisation value, String actor);

    /** Deletes the organisation (and nothing else: it must have no sites). */
    void delete(UUID id, long expectedVersion, String actor);
}
