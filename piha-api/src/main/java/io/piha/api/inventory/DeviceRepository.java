package io.piha.api.inventory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores {@link Device} records. Writes are audited with the actor; updates check the version and throw
 * {@link InventoryException.ConcurrentModification} if another writer came first. Thread-safe.
 *
 * @since 0.1
 */
public interface DeviceRepository {

    /** Stores a new record (its version is ignored) and returns it as stored. */
    Device create(Device value, String actor);

    /** The record with this id, within the scope. */
    Optional<Device> find(SiteScope scope, UUID id);

    /** Every record within the scope. */
    List<Device> list(SiteScope scope);

    /** Replaces the record if its version is still current; returns it with the new version. */
    Device update(Device value, String actor);

    /** Deletes the record if its version is still current. */
    void delete(UUID id, long expectedVersion, String actor);

    /** The device with this slug in the site. */
    Optional<Device> findBySlug(UUID siteId, Slug slug);

    /** Devices that carry this MAC address within the scope (at most one per site). */
    List<Device> findByMac(SiteScope scope, MacAddress mac);

    /** The device that an integration knows by this stable source key, e.g. {@code homeseer:home:3398}. */
    Optional<Device> findBySourceKey(String sourceKey);
}
