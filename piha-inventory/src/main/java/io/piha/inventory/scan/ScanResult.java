package io.piha.inventory.scan;

import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.MacAddress;
import io.piha.inventory.RowRejection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a scan import did, or would do in a dry run.
 *
 * @param importRunId the run every change is tagged with (not stored for a dry run)
 * @param dryRun whether everything was rolled back
 * @param accepted rows accepted
 * @param rejected rows refused, with reasons
 * @param newMacs MACs no device of the site had before
 * @param randomized accepted MACs with the locally administered bit set: phones and laptops that show each
 *                   network a random MAC, and virtual machines; such a MAC may change, and names no vendor
 * @param moved MACs whose address changed since their last sighting
 * @param devicesCreated device rows inserted
 * @param devicesRenamed device rows whose scan-owned name changed
 * @param fieldsKept fields a stronger source owns, left as they were (each with a {@code keep-field} audit entry)
 * @param sightingsWritten sighting rows inserted or changed
 * @since 0.1
 */
public record ScanResult(UUID importRunId, boolean dryRun, int accepted, List<RowRejection> rejected,
                         List<MacAddress> newMacs, List<MacAddress> randomized, List<Move> moved, int devicesCreated, int devicesRenamed,
                         int fieldsKept, int sightingsWritten) {

    /** Copies the lists. */
    public ScanResult {
        Objects.requireNonNull(importRunId, "importRunId");
        rejected = List.copyOf(rejected);
        newMacs = List.copyOf(newMacs);
        randomized = List.copyOf(randomized);
        moved = List.copyOf(moved);
    }

    /** Device rows written (created or renamed): zero when a scan is imported again. */
    public int deviceRowsWritten() {
        return devicesCreated + devicesRenamed;
    }

    /**
     * A MAC seen at a new address.
     *
     * @param mac the MAC
     * @param from where it was last seen
     * @param to where it is now
     */
    public record Move(MacAddress mac, IpAddress from, IpAddress to) {
        /** @throws NullPointerException if a component is null */
        public Move {
            Objects.requireNonNull(mac, "mac");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }
}
