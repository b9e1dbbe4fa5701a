package io.piha.core.node;

import io.piha.api.leadership.FencingToken;
import io.piha.api.leadership.GateDecision;
import io.piha.api.leadership.LeadershipGate;
import io.piha.api.leadership.ServiceName;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link LeadershipGate} over the node's latest state. The edge calls {@link #update(NodeState)} after
 * every decision; applications call {@link #check()} before every irreversible action. Thread-safe.
 *
 * @since 0.1
 */
public final class NodeGate implements LeadershipGate {

    private final ServiceName service;
    private final AtomicReference<NodeState> state;
    private final InstantSource clock;

    /**
     * A gate starting from {@code initial}.
     *
     * @param clock the node's own clock, the one its machine decides with: the lease is checked against it at every
     *     {@link #check()}, so a lease that ran out closes the gate even before the machine hears of it
     */
    public NodeGate(ServiceName service, NodeState initial, InstantSource clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.state = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Publishes the node's new state to the gate. */
    public void update(NodeState newState) {
        state.set(Objects.requireNonNull(newState, "newState"));
    }

    @Override
    public GateDecision check() {
        return state.get().gate(service, clock.instant());
    }

    @Override
    public boolean isCurrent(FencingToken token) {
        NodeState s = state.get();
        return token.service().equals(service) && token.host().equals(s.self()) && s.mayActAt(clock.instant())
                && s.leadingAt().orElseThrow().equals(token.epoch());
    }
}
