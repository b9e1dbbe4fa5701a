package io.piha.inventory.homeseer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What HomeSeer last said about an inventory device, as the last sync stored it.
 *
 * @param deviceId the inventory device
 * @param siteId its site
 * @param reported the device as HomeSeer reported it
 * @param pseudoLocations which of its location names named no place (kept out of the zone tree)
 * @param importRunId the sync that last wrote these facts
 * @since 0.1
 */
public record HomeSeerFacts(UUID deviceId, UUID siteId, HsDevice reported, List<String> pseudoLocations,
                            Optional<UUID> importRunId) {

    /** Copies the list. */
    public HomeSeerFacts {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(reported, "reported");
        pseudoLocations = List.copyOf(pseudoLocations);
        Objects.requireNonNull(importRunId, "importRunId");
    }
}
