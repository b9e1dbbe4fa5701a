package io.piha.api.inventory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores {@link Network} records. Writes are audited with the actor; updates check the version and throw
 * {@link InventoryException.ConcurrentModification} if another writer came first. Thread-safe.
 *
 * @since 0.1
 */
public interface NetworkRepository {

    /** Stores a new record (its version is ignored) and returns it as stored. */
    Network create(Network value, String actor);

    /** The record with this id, within the scope. */
    Optional<Network> find(SiteScope scope, UUID id);

    /** Every record within the scope. */
    List<Network> list(SiteScope scope);

    /** Replaces the record if its version is still current; returns it with the new version. */
    Network update(Network value, String actor);

    /** Deletes the record if its version is still current. */
    void delete(UUID id, long expectedVersion, String actor);

    /** The site's network with exactly this CIDR. */
    Optional<Network> findByCidr(UUID siteId, Cidr cidr);

    /**
     * Records that an address of the network is intended for a device (or reserved, with no device).
     *
     * @throws InventoryException.Conflict if the address is already allocated in that network
     * @throws InventoryException if the address lies outside the network
     */
    IpAllocation allocate(UUID networkId, IpAddress ip, Optional<UUID> deviceId, String actor);

    /** Every allocation of the networks within the scope. */
    List<IpAllocation> allocations(SiteScope scope);
}
