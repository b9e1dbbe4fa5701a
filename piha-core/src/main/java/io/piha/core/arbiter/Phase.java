package io.piha.core.arbiter;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the arbiter is in its work for a service: one record per phase of the failover flow.
 *
 * <pre>
 * Watching -(heartbeat timeout | will)-> Verifying -(probe down)-> PowerCycling -> AwaitingRecovery
 *   -> ConfirmingDeath -(down, not frozen, not flapping)-> CheckingCandidate -(up)-> Fencing
 *   -(port off confirmed)-> AwaitingLeader -(candidate heartbeats)-> Watching
 * any step -(leader heartbeats again)-> Watching;  frozen / flapping / standby down / fence failed -> Blocked
 * operator demote -> HandingBack (state maintenance) -(other host up)-> AwaitingLeader
 * </pre>
 *
 * @since 0.1
 */
public sealed interface Phase {

    /** A short lower-case name for status pages and logs. */
    default String label() {
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Normal operation: the leader heartbeats, the standby observes. */
    record Watching() implements Phase {
    }

    /**
     * The leader went silent (or its connection died): its health is being probed.
     *
     * @param suspect the leader
     * @param since when the probe was requested
     * @param trigger what raised the suspicion
     */
    record Verifying(HostId suspect, Instant since, String trigger) implements Phase {
        /** @throws NullPointerException if a component is null */
        public Verifying {
            Objects.requireNonNull(suspect, "suspect");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(trigger, "trigger");
        }
    }

    /**
     * The leader's port is being power-cycled, once.
     *
     * @param suspect the leader
     * @param since when the cycle was requested
     */
    record PowerCycling(HostId suspect, Instant since) implements Phase {
        /** @throws NullPointerException if a component is null */
        public PowerCycling {
            Objects.requireNonNull(suspect, "suspect");
            Objects.requireNonNull(since, "since");
        }
    }

    /**
     * Waiting for the power-cycled leader to come back.
     *
     * @param suspect the leader
     * @param until when to look again
     */
    record AwaitingRecovery(HostId suspect, Instant until) implements Phase {
        /** @throws NullPointerException if a component is null */
        public AwaitingRecovery {
            Objects.requireNonNull(suspect, "suspect");
            Objects.requireNonNull(until, "until");
        }
    }

    /**
     * Probing the leader once more after the wait.
     *
     * @param suspect the leader
     * @param since when the probe was requested
     */
    record ConfirmingDeath(HostId suspect, Instant since) implements Phase {
        /** @throws NullPointerException if a component is null */
        public ConfirmingDeath {
            Objects.requireNonNull(suspect, "suspect");
            Objects.requireNonNull(since, "since");
        }
    }

    /**
     * Probing the standby before promoting it.
     *
     * @param suspect the failed leader
     * @param candidate the host to promote
     * @param since when the probe was requested
     */
    record CheckingCandidate(HostId suspect, HostId candidate, Instant since) implements Phase {
        /** @throws NullPointerException if a component is null */
        public CheckingCandidate {
            Objects.requireNonNull(suspect, "suspect");
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(since, "since");
        }
    }

    /**
     * Switching the failed leader's port off before a new epoch is granted.
     *
     * @param suspect the failed leader
     * @param candidate the host to promote
     * @param since when the power-off was requested
     */
    record Fencing(HostId suspect, HostId candidate, Instant since) implements Phase {
        /** @throws NullPointerException if a component is null */
        public Fencing {
            Objects.requireNonNull(suspect, "suspect");
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(since, "since");
        }
    }

    /**
     * A new epoch was granted: waiting for the candidate to show itself as leader.
     *
     * @param candidate the promoted host
     * @param epoch the epoch granted
     * @param promote the promote command issued, re-sent if the candidate stays silent
     * @param deadline when to re-send
     */
    record AwaitingLeader(HostId candidate, Epoch epoch, Command promote, Instant deadline) implements Phase {
        /** @throws NullPointerException if a component is null */
        public AwaitingLeader {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(epoch, "epoch");
            Objects.requireNonNull(promote, "promote");
            Objects.requireNonNull(deadline, "deadline");
        }
    }

    /**
     * A failover is needed but may not proceed.
     *
     * @param suspect the failed leader
     * @param reason why, e.g. {@code frozen}
     * @param retryAt when to look again; empty waits for an operator (thaw or promote)
     */
    record Blocked(HostId suspect, String reason, Optional<Instant> retryAt) implements Phase {
        /** @throws NullPointerException if a component is null */
        public Blocked {
            Objects.requireNonNull(suspect, "suspect");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAt, "retryAt");
        }
    }

    /**
     * An operator demoted the leader: the service is in maintenance until the other host is up, then
     * leadership is handed to it (return to primary, or a planned switchover).
     *
     * @param from the demoted leader
     * @param to the host taking over
     * @param retryAt when to probe {@code to} again
     */
    record HandingBack(HostId from, HostId to, Instant retryAt) implements Phase {
        /** @throws NullPointerException if a component is null */
        public HandingBack {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(retryAt, "retryAt");
        }
    }
}
