package io.piha.api.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * Where config sync stands.
 *
 * @param synced the standby branch's commit, if the branch exists
 * @param pending the newest primary commit not yet on the standby, and when it becomes eligible
 * @param freeze the freeze in force, if any
 * @param lastOutcome what the last attempt did
 * @since 0.1
 */
public record SyncStatus(Optional<CommitId> synced, Optional<SyncOutcome.Pending> pending,
                         Optional<SyncFreeze> freeze, Optional<SyncOutcome> lastOutcome) {

    /** @throws NullPointerException if a component is null */
    public SyncStatus {
        Objects.requireNonNull(synced, "synced");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(freeze, "freeze");
        Objects.requireNonNull(lastOutcome, "lastOutcome");
    }
}
