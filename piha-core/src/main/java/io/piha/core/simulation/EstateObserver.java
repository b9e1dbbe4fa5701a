package io.piha.core.simulation;

import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.core.Decision;
import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.node.NodeEffect;
import io.piha.core.node.NodeInput;
import io.piha.core.node.NodeState;
import java.time.Instant;

/**
 * Sees every decision and delivery of an {@link Estate}, for invariant checks and timelines.
 *
 * @since 0.1
 */
public interface EstateObserver {

    /** The arbiter decided. */
    default void arbiterDecided(Instant at, ArbiterState before, ArbiterInput input,
                                Decision<ArbiterState, ArbiterEffect> decision) {
    }

    /** A host's agent decided. */
    default void nodeDecided(Instant at, HostId host, NodeState before, NodeInput input,
                             Decision<NodeState, NodeEffect> decision) {
    }

    /** A message reached a host's agent. */
    default void delivered(Instant at, HostId host, LeadershipMessage message) {
    }

    /** A host's agent (re)started with no memory: it re-learns from retained messages. */
    default void agentStarted(Instant at, HostId host) {
    }

    /** Something happened to the hardware or was done by the operator. */
    default void happened(Instant at, String what) {
    }
}
