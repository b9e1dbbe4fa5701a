package io.piha.api.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * Where config sync stands. Frozen and pending are reported as such: {@link #isHealthy()} is true only when
 * the standby branch exists, nothing waits, nothing is frozen and the last attempt, if any, was healthy.
 *
 * @param synced the standby branch's commit, if the branch exists
 * @param pending the newest primary commit not yet on the standby, and when it becomes eligible
 * @param freeze the freeze in force, if any
 * @param last the last attempt, if any ran since start
 * @since 0.1
 */
public record SyncStatus(Optional<CommitId> synced, Optional<SyncOutcome.Pending> pending,
                         Optional<SyncFreeze> freeze, Optional<SyncEvent> last) {

    /** @throws NullPointerException if a component is null */
    public SyncStatus {
        Objects.requireNonNull(synced, "synced");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(freeze, "freeze");
        Objects.requireNonNull(last, "last");
    }

    /** Whether the standby has what it should have: synced, not frozen, nothing pending, no failed attempt. */
    public boolean isHealthy() {
        return synced.isPresent() && freeze.isEmpty() && pending.isEmpty()
                && last.map(e -> e.outcome().isHealthy()).orElse(true);
    }
}
