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
 * Watching -(heartbeat timeout | will | stale retained heartbeat)-> Verifying -(probe down)-> PowerCycling
 *   -> AwaitingRecovery -> ConfirmingDeath -(down, not frozen, not flapping)-> CheckingCandidate -(up)-> hand-over
 * Verifying / ConfirmingDeath -(up but silent: it restarted as standby)-> hand-over to the same host
 * operator promote -> hand-over;  operator demote -> hand-over to HandingBack (state maintenance)
 *
 * hand-over from the holder H to C (every grant goes through it):
 *   H is C, or there is none ---------------------------------------------------> grant
 *   planned and H acknowledges (package, agent) --> Demoting -(demoted at epoch)---> grant
 *   otherwise, or no acknowledgement in time -----> Fencing -(port off)-----------> grant
 *   fence failed and H honours leases (agent) -----> AwaitingLeaseExpiry ----------> grant
 *   fence failed otherwise, or no switch ----------> Blocked (CRITICAL, reminders; an operator confirms H off)
 * grant -> AwaitingLeader -(candidate leads)-> Watching;  no answer after three promotes -> hand-over to the other
 * any step -(leader heartbeats again)-> Watching;  frozen / flapping / standby down -> Blocked
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
     * Switching the old holder's port off before a new epoch is granted.
     *
     * @param suspect the old holder
     * @param grant the grant that follows
     * @param since when the power-off was requested
     */
    record Fencing(HostId suspect, Grant grant, Instant since) implements Phase {
        /** @throws NullPointerException if a component is null */
        public Fencing {
            Objects.requireNonNull(suspect, "suspect");
            Objects.requireNonNull(grant, "grant");
            Objects.requireNonNull(since, "since");
        }

        /** The host to promote. */
        public HostId candidate() {
            return grant.candidate();
        }
    }

    /**
     * A planned hand-over: the holder was asked to step down and its {@code demoted} acknowledgement at the current
     * epoch is awaited; without it by the deadline, it is fenced.
     *
     * @param from the holder
     * @param grant the grant that follows
     * @param demoteId the id of the demote sent, which the acknowledgement names
     * @param deadline when to stop waiting and fence
     */
    record Demoting(HostId from, Grant grant, String demoteId, Instant deadline) implements Phase {
        /** @throws NullPointerException if a component is null */
        public Demoting {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(grant, "grant");
            Objects.requireNonNull(demoteId, "demoteId");
            Objects.requireNonNull(deadline, "deadline");
        }
    }

    /**
     * The holder, an agent, could be neither fenced nor acknowledged: its lease (plus the clock-skew bound) is
     * waited out, after which it has stopped acting by its own clock.
     *
     * @param from the holder
     * @param grant the grant that follows
     * @param until when its lease has run out for sure
     */
    record AwaitingLeaseExpiry(HostId from, Grant grant, Instant until) implements Phase {
        /** @throws NullPointerException if a component is null */
        public AwaitingLeaseExpiry {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(grant, "grant");
            Objects.requireNonNull(until, "until");
        }
    }

    /**
     * A new epoch was granted: waiting for the candidate to show itself as leader.
     *
     * @param candidate the promoted host
     * @param epoch the epoch granted
     * @param promote the promote command issued, re-sent if the candidate stays silent
     * @param deadline when to re-send
     * @param attempts how many promotes were sent for this grant
     */
    record AwaitingLeader(HostId candidate, Epoch epoch, Command promote, Instant deadline, int attempts)
            implements Phase {
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
     * @param retryAt when to look again; empty waits for an operator (thaw, promote, or confirming a host off)
     * @param pending the grant that waits, when what blocks it is the old holder (fencing impossible)
     */
    record Blocked(HostId suspect, String reason, Optional<Instant> retryAt, Optional<Grant> pending) implements Phase {
        /** @throws NullPointerException if a component is null */
        public Blocked {
            Objects.requireNonNull(suspect, "suspect");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAt, "retryAt");
            Objects.requireNonNull(pending, "pending");
        }
    }

    /**
     * The old leader is out (acknowledged or fenced): the service is in maintenance until the host leadership is
     * handed back to answers, then it is granted (return to the primary, or a planned switchover).
     *
     * @param from the demoted leader
     * @param to the host taking over
     * @param retryAt when to probe {@code to} again
     * @param grant the grant that follows once {@code to} answers
     */
    record HandingBack(HostId from, HostId to, Instant retryAt, Grant grant) implements Phase {
        /** @throws NullPointerException if a component is null */
        public HandingBack {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(retryAt, "retryAt");
            Objects.requireNonNull(grant, "grant");
        }
    }
}
