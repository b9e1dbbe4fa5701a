package io.piha.core.node;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.FencingToken;
import io.piha.api.leadership.GateDecision;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.ServiceName;
import java.util.Objects;
import java.util.Optional;

/**
 * What a node knows and does. Immutable.
 *
 * @param self this node
 * @param role what it does
 * @param highestEpoch the highest epoch it has seen anywhere (lease, command, heartbeat)
 * @param leadingAt the epoch it leads at, present exactly when the role is {@link NodeRole#LEADER}
 * @param lease the newest lease it has seen
 * @param announced the retained state of the service as last seen; empty means "no leader"
 * @param frozen whether the service is frozen
 * @since 0.1
 */
public record NodeState(HostId self, NodeRole role, Epoch highestEpoch, Optional<Epoch> leadingAt,
                        Optional<Lease> lease, Optional<LeaderState> announced, boolean frozen) {

    /**
     * @throws IllegalArgumentException if {@code leadingAt} does not match the role, or exceeds the
     *     highest epoch seen
     */
    public NodeState {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(highestEpoch, "highestEpoch");
        Objects.requireNonNull(leadingAt, "leadingAt");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(announced, "announced");
        if (leadingAt.isPresent() != (role == NodeRole.LEADER)) {
            throw new IllegalArgumentException("node " + self + ": leadingAt " + leadingAt + " contradicts role " + role);
        }
        if (leadingAt.filter(e -> e.isNewerThan(highestEpoch)).isPresent()) {
            throw new IllegalArgumentException("node " + self + " leads at " + leadingAt.get()
                    + " but has seen only up to epoch " + highestEpoch);
        }
    }

    /**
     * The state of a node that has just started: standby, knowing nothing. A node never reclaims
     * leadership after a restart; it waits to be promoted.
     */
    public static NodeState startingUp(HostId self) {
        return new NodeState(self, NodeRole.STANDBY, Epoch.ZERO, Optional.empty(), Optional.empty(),
                Optional.empty(), false);
    }

    /** Whether this node leads at the newest epoch it knows of. */
    public boolean isCurrentLeader() {
        return leadingAt.filter(highestEpoch::equals).isPresent();
    }

    /** What a {@link io.piha.api.leadership.LeadershipGate} answers for this state. */
    public GateDecision gate(ServiceName service) {
        if (isCurrentLeader()) {
            return new GateDecision.Leading(new FencingToken(service, self, leadingAt.orElseThrow()));
        }
        if (role == NodeRole.LEADER) {
            return new GateDecision.NotLeading("fenced: leads at epoch " + leadingAt.orElseThrow()
                    + " but epoch " + highestEpoch + " exists");
        }
        return new GateDecision.NotLeading(self + " is " + role.name().toLowerCase(java.util.Locale.ROOT)
                + " (highest epoch seen " + highestEpoch + ")");
    }

    NodeState withRole(NodeRole newRole, Optional<Epoch> newLeadingAt) {
        return new NodeState(self, newRole, highestEpoch, newLeadingAt, lease, announced, frozen);
    }

    NodeState withHighestEpoch(Epoch epoch) {
        return new NodeState(self, role, Epoch.max(highestEpoch, epoch), leadingAt, lease, announced, frozen);
    }

    NodeState withLease(Lease newLease) {
        return new NodeState(self, role, Epoch.max(highestEpoch, newLease.epoch()), leadingAt, Optional.of(newLease),
                announced, frozen);
    }

    NodeState withAnnounced(Optional<LeaderState> state) {
        return new NodeState(self, role, highestEpoch, leadingAt, lease, state, frozen);
    }

    NodeState withFrozen(boolean value) {
        return new NodeState(self, role, highestEpoch, leadingAt, lease, announced, value);
    }
}
