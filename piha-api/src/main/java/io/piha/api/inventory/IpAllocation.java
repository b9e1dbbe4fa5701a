package io.piha.api.inventory;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An address of a network that people intend for a device (unique within its network).
 *
 * @param networkId the network
 * @param ip the address, inside the network
 * @param deviceId the device it is for; empty for a reservation
 * @since 0.1
 */
public record IpAllocation(UUID networkId, IpAddress ip, Optional<UUID> deviceId) {

    /** @throws NullPointerException if a component is null */
    public IpAllocation {
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(deviceId, "deviceId");
    }
}
