package io.piha.api.inventory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores {@link Zone} records. Writes are audited with the actor; updates check the version and throw
 * {@link InventoryException.ConcurrentModification} if another writer came first. Thread-safe.
 *
 * @since 0.1
 */
public interface ZoneRepository {

    /** Stores a new record (its version is ignored) and returns it as stored. */
    Zone create(Zone value, String actor);

    /** The record with this id, within the scope. */
    Optional<Zone> find(SiteScope scope, UUID id);

    /** Every record within the scope. */
    List<Zone> list(SiteScope scope);

    /** Replaces the record if its version is still current; returns it with the new version. */
    Zone update(Zone value, String actor);

    /** Deletes the record if its version is still current. */
    void delete(UUID id, long expectedVersion, String actor);

    /** The zone with this slug in the site. */
    Optional<Zone> findBySlug(UUID siteId, Slug slug);
}
