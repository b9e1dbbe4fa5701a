package io.piha.inventory.homeseer;

import io.piha.inventory.RowRejection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What one HomeSeer sync did.
 *
 * @param importRunId the run every change is tagged with
 * @param full whether it was a full sync (incremental syncs skip devices unchanged since the last run)
 * @param seen devices HomeSeer reported
 * @param created devices created
 * @param updated devices changed
 * @param unchanged devices already up to date
 * @param skipped devices an incremental sync left alone because HomeSeer reports no change since the last run
 * @param fieldsKept fields a stronger source owns, left as they were (each audited as {@code keep-field})
 * @param missing source keys of devices known from earlier syncs that HomeSeer no longer reports (full sync only)
 * @param pseudoLocations the location names that named no place (plug-in names, {@code Node 12}), kept out of the
 *                        zone tree
 * @param rejected devices that failed, each rolled back on its own
 * @since 0.1
 */
public record HomeSeerSyncResult(UUID importRunId, boolean full, int seen, int created, int updated, int unchanged,
                                 int skipped, int fieldsKept, List<String> missing, List<String> pseudoLocations,
                                 List<RowRejection> rejected) {

    /** Copies the lists. */
    public HomeSeerSyncResult {
        Objects.requireNonNull(importRunId, "importRunId");
        missing = List.copyOf(missing);
        pseudoLocations = List.copyOf(pseudoLocations);
        rejected = List.copyOf(rejected);
    }
}
