package io.piha.core.simulation;

import io.piha.api.leadership.HostId;
import io.piha.core.node.NodeState;
import java.time.Duration;

/** One simulated Raspberry Pi: power, the Home Assistant process, its agent's state and its clock. */
final class SimulatedHost {

    final HostId id;
    boolean powered = true;
    boolean processUp = true;
    boolean recoversOnPowerCycle = true;
    /** Cut from the broker: nothing it publishes arrives, nothing reaches it; probes and power still work. */
    boolean cut;
    Duration clockOffset = Duration.ZERO;
    NodeState node;
    /** How many times its agent started: each run is a new session, so heartbeat ids never repeat. */
    int runs;
    /** Incremented to cancel a running heartbeat loop. */
    long heartbeatGeneration;
    boolean heartbeating;

    SimulatedHost(HostId id) {
        this.id = id;
        this.node = NodeState.startingUp(id);
    }

    boolean answers() {
        return powered && processUp;
    }

    void restartAgent() {
        node = NodeState.startingUp(id, Integer.toString(++runs));
        heartbeating = false;
        heartbeatGeneration++;
    }
}
