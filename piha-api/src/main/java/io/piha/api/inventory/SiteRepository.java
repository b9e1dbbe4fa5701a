package io.piha.api.inventory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores {@link Site} records. Writes are audited with the actor; updates check the version and throw
 * {@link InventoryException.ConcurrentModification} if another writer came first. Thread-safe.
 *
 * @since 0.1
 */
public interface SiteRepository {

    /** Stores a new record (its version is ignored) and returns it as stored. */
    Site create(Site value, String actor);

    /** The record with this id, within the scope. */
    Optional<Site> find(SiteScope scope, UUID id);

    /** Every record within the scope. */
    List<Site> list(SiteScope scope);

    /** Replaces the record if its version is still current; returns it with the new version. */
    Site update(Site value, String actor);

    /** Deletes the record if its version is still current. */
    void delete(UUID id, long expectedVersion, String actor);

    /** Every site with this slug (site slugs are unique within an organisation, not across them). */
    List<Site> findBySlug(Slug slug);
}
