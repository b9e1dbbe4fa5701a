package io.piha.core.node;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.FencingToken;
import io.piha.api.leadership.GateDecision;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.ServiceName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a node knows and does. Immutable. Times are the node's own clock ({@link NodeMachine}'s {@code now}).
 *
 * @param self this node
 * @param role what it does
 * @param highestEpoch the highest epoch it has seen anywhere (lease, command, heartbeat)
 * @param leadingAt the epoch it leads at, present exactly when the role is {@link NodeRole#LEADER}
 * @param lease the newest lease it has seen
 * @param announced the retained state of the service as last seen; empty means "no leader"
 * @param frozen whether the service is frozen
 * @param active whether it acts (automations on): a leader whose lease is valid, or, in a house without the SDK's
 *     arbiter, a leader at all
 * @param leaseUntil until when its lease is valid, by its own clock; empty when it holds no renewed lease
 * @param session this run's id, part of every heartbeat id (a restarted node never matches an old renewal)
 * @param nextHeartbeat the sequence number of the next heartbeat
 * @param sent the newest heartbeats it sent, with when, for renewals that answer them
 * @param seenCommands the ids of the newest commands it decided on, to drop redeliveries
 * @since 0.1
 */
public record NodeState(HostId self, NodeRole role, Epoch highestEpoch, Optional<Epoch> leadingAt,
                        Optional<Lease> lease, Optional<LeaderState> announced, boolean frozen, boolean active,
                        Optional<Instant> leaseUntil, String session, long nextHeartbeat, List<SentHeartbeat> sent,
                        List<String> seenCommands) {

    /** How many sent heartbeats and seen command ids are remembered. */
    public static final int MEMORY = 16;

    /**
     * A heartbeat this node sent.
     *
     * @param id its id
     * @param at when it was sent, by the node's clock
     */
    public record SentHeartbeat(String id, Instant at) {
        /** @throws NullPointerException if a component is null */
        public SentHeartbeat {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * @throws IllegalArgumentException if {@code leadingAt} does not match the role, exceeds the highest epoch seen,
     *     or the node acts without leading
     */
    public NodeState {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(highestEpoch, "highestEpoch");
        Objects.requireNonNull(leadingAt, "leadingAt");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(announced, "announced");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        Objects.requireNonNull(session, "session");
        sent = List.copyOf(sent);
        seenCommands = List.copyOf(seenCommands);
        if (leadingAt.isPresent() != (role == NodeRole.LEADER)) {
            throw new IllegalArgumentException("node " + self + ": leadingAt " + leadingAt + " contradicts role " + role);
        }
        if (leadingAt.filter(e -> e.isNewerThan(highestEpoch)).isPresent()) {
            throw new IllegalArgumentException("node " + self + " leads at " + leadingAt.get()
                    + " but has seen only up to epoch " + highestEpoch);
        }
        if (active && role != NodeRole.LEADER) {
            throw new IllegalArgumentException("node " + self + " acts while " + role);
        }
    }

    /**
     * The state of a node that has just started: standby, knowing nothing. A node never reclaims leadership after a
     * restart; it waits to be promoted.
     *
     * @param session an id of this run, different at every start (e.g. random), so heartbeat ids never repeat
     */
    public static NodeState startingUp(HostId self, String session) {
        return new NodeState(self, NodeRole.STANDBY, Epoch.ZERO, Optional.empty(), Optional.empty(),
                Optional.empty(), false, false, Optional.empty(), session, 1, List.of(), List.of());
    }

    /** As {@link #startingUp(HostId, String)} with session {@code "0"}: for tests and simulations. */
    public static NodeState startingUp(HostId self) {
        return startingUp(self, "0");
    }

    /** Whether this node leads at the newest epoch it knows of (it may still wait for its lease to act). */
    public boolean isCurrentLeader() {
        return leadingAt.filter(highestEpoch::equals).isPresent();
    }

    /** Whether it may act at {@code now}: it leads at the newest epoch it knows and its lease (if any) is valid. */
    public boolean mayActAt(Instant now) {
        return active && isCurrentLeader() && leaseUntil.map(now::isBefore).orElse(true);
    }

    /** What a {@link io.piha.api.leadership.LeadershipGate} answers for this state at {@code now}. */
    public GateDecision gate(ServiceName service, Instant now) {
        if (mayActAt(now)) {
            return new GateDecision.Leading(new FencingToken(service, self, leadingAt.orElseThrow()));
        }
        if (role == NodeRole.LEADER && !isCurrentLeader()) {
            return new GateDecision.NotLeading("fenced: leads at epoch " + leadingAt.orElseThrow()
                    + " but epoch " + highestEpoch + " exists");
        }
        if (role == NodeRole.LEADER) {
            return new GateDecision.NotLeading(self + " leads at epoch " + leadingAt.orElseThrow()
                    + " but holds no valid lease" + leaseUntil.map(u -> " (expired at " + u + ")").orElse(" yet"));
        }
        return new GateDecision.NotLeading(self + " is " + role.name().toLowerCase(Locale.ROOT)
                + " (highest epoch seen " + highestEpoch + ")");
    }

    /** The heartbeat id of sequence number {@code seq} in this run. */
    String heartbeatId(long seq) {
        return self.value() + "-" + session + "-" + seq;
    }

    /** When the heartbeat with {@code id} was sent, if it is one of the newest. */
    Optional<Instant> sentAt(String id) {
        return sent.stream().filter(h -> h.id().equals(id)).map(SentHeartbeat::at).findFirst();
    }

    NodeState withRole(NodeRole newRole, Optional<Epoch> newLeadingAt) {
        boolean stillActs = active && newRole == NodeRole.LEADER && newLeadingAt.equals(leadingAt);
        return new NodeState(self, newRole, highestEpoch, newLeadingAt, lease, announced, frozen, stillActs,
                stillActs ? leaseUntil : Optional.empty(), session, nextHeartbeat, sent, seenCommands);
    }

    NodeState withHighestEpoch(Epoch epoch) {
        return new NodeState(self, role, Epoch.max(highestEpoch, epoch), leadingAt, lease, announced, frozen, active,
                leaseUntil, session, nextHeartbeat, sent, seenCommands);
    }

    NodeState withLease(Lease newLease) {
        return new NodeState(self, role, Epoch.max(highestEpoch, newLease.epoch()), leadingAt, Optional.of(newLease),
                announced, frozen, active, leaseUntil, session, nextHeartbeat, sent, seenCommands);
    }

    NodeState withAnnounced(Optional<LeaderState> state) {
        return new NodeState(self, role, highestEpoch, leadingAt, lease, state, frozen, active, leaseUntil, session,
                nextHeartbeat, sent, seenCommands);
    }

    NodeState withFrozen(boolean value) {
        return new NodeState(self, role, highestEpoch, leadingAt, lease, announced, value, active, leaseUntil, session,
                nextHeartbeat, sent, seenCommands);
    }

    NodeState acting(boolean value, Optional<Instant> until) {
        return new NodeState(self, role, highestEpoch, leadingAt, lease, announced, frozen, value, until, session,
                nextHeartbeat, sent, seenCommands);
    }

    NodeState withSent(String id, Instant at) {
        List<SentHeartbeat> newest = new ArrayList<>(sent);
        newest.add(new SentHeartbeat(id, at));
        return new NodeState(self, role, highestEpoch, leadingAt, lease, announced, frozen, active, leaseUntil, session,
                nextHeartbeat + 1, newest.subList(Math.max(0, newest.size() - MEMORY), newest.size()), seenCommands);
    }

    NodeState withSeenCommand(String id) {
        List<String> newest = new ArrayList<>(seenCommands);
        newest.add(id);
        return new NodeState(self, role, highestEpoch, leadingAt, lease, announced, frozen, active, leaseUntil, session,
                nextHeartbeat, sent, newest.subList(Math.max(0, newest.size() - MEMORY), newest.size()));
    }
}
