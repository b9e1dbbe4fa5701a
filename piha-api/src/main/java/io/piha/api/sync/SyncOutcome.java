package io.piha.api.sync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one sync attempt did. Only {@link Synced} and {@link UpToDate} are healthy; frozen and pending are
 * reported as such, never as healthy.
 *
 * @since 0.1
 */
public sealed interface SyncOutcome {

    /** Whether the standby is where it should be. */
    default boolean isHealthy() {
        return this instanceof Synced || this instanceof UpToDate;
    }

    /**
     * The outcome in words, for people (CLI, audit reasons, logs), with commits abbreviated, e.g. {@code synced
     * 1a2b3c4d5e (was 0f9e8d7c6b) by alice} or {@code 1a2b3c4d5e waits for its observation window until
     * 2026-05-03T18:00:00Z}.
     */
    default String describe() {
        if (this instanceof Synced s) {
            return "synced " + s.to() + s.from().map(f -> " (was " + f + ")").orElse(" (new standby branch)")
                    + " by " + s.actor();
        } else if (this instanceof UpToDate u) {
            return "up to date at " + u.at();
        } else if (this instanceof Pending p) {
            return p.commit() + " waits for its observation window until " + p.eligibleAt();
        } else if (this instanceof Frozen f) {
            return "frozen by " + f.freeze().by() + " since " + f.freeze().since()
                    + f.freeze().until().map(u -> " until " + u).orElse(" until thawed") + ": " + f.freeze().reason();
        } else if (this instanceof Refused r) {
            return "refused " + r.commit() + ": it adds or changes paths that must never reach a standby: "
                    + String.join(", ", r.paths());
        }
        return "blocked: " + ((Blocked) this).reason();
    }

    /**
     * The standby branch moved forward.
     *
     * @param from where it was (empty if the branch was created)
     * @param to where it is now
     * @param actor who caused it ({@code scheduler} or an operator for a forced sync)
     */
    record Synced(Optional<CommitId> from, CommitId to, String actor) implements SyncOutcome {
        /** @throws NullPointerException if a component is null */
        public Synced {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * Nothing to do: the standby already has the newest eligible commit.
     *
     * @param at the standby's commit
     */
    record UpToDate(CommitId at) implements SyncOutcome {
        /** @throws NullPointerException if a component is null */
        public UpToDate {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A newer commit waits for its observation window.
     *
     * @param commit the waiting commit
     * @param eligibleAt when it may be synced if no incident happens meanwhile
     */
    record Pending(CommitId commit, Instant eligibleAt) implements SyncOutcome {
        /** @throws NullPointerException if a component is null */
        public Pending {
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(eligibleAt, "eligibleAt");
        }
    }

    /**
     * Sync is frozen.
     *
     * @param freeze the freeze in force
     */
    record Frozen(SyncFreeze freeze) implements SyncOutcome {
        /** @throws NullPointerException if a component is null */
        public Frozen {
            Objects.requireNonNull(freeze, "freeze");
        }
    }

    /**
     * The commit to sync touches paths that must never reach a standby.
     *
     * @param commit the offending commit
     * @param paths the forbidden paths it adds or changes
     */
    record Refused(CommitId commit, List<String> paths) implements SyncOutcome {
        /** @throws NullPointerException if a component is null */
        public Refused {
            Objects.requireNonNull(commit, "commit");
            paths = List.copyOf(paths);
        }
    }

    /**
     * The sync could not be made safely: not a fast-forward, a concurrent change, a missing branch or a
     * broken repository.
     *
     * @param reason what blocked it, naming the ref and ids
     */
    record Blocked(String reason) implements SyncOutcome {
        /** @throws NullPointerException if a component is null */
        public Blocked {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
