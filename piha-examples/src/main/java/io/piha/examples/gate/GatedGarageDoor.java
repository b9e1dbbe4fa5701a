package io.piha.examples.gate;

import io.piha.api.leadership.FencingToken;
import io.piha.api.leadership.GateDecision;
import io.piha.api.leadership.LeadershipGate;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An application that must never act twice: a garage door opened by whichever Home Assistant leads. Before every
 * irreversible action it asks the {@link LeadershipGate}; it prepares the action under the token it got, and checks
 * the token is still current just before it commits, so a host that lost leadership in between stands down.
 * Thread-safe.
 */
public final class GatedGarageDoor {

    private final LeadershipGate gate;
    private final Consumer<FencingToken> motor;

    /**
     * @param gate the agent's gate ({@code agent.gate()})
     * @param motor what opens the door, given the token it acts under (e.g. to pass to the device as a fencing token)
     */
    public GatedGarageDoor(LeadershipGate gate, Consumer<FencingToken> motor) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.motor = Objects.requireNonNull(motor, "motor");
    }

    /** Opens the door if this host leads now; otherwise says why not, and does nothing. */
    public String open() {
        GateDecision decision = gate.check();
        if (decision instanceof GateDecision.NotLeading not) {
            return "not opened: " + not.reason();
        }
        FencingToken token = ((GateDecision.Leading) decision).token();
        // ... prepare: read sensors, check the door is closed, build the command ...
        if (!gate.isCurrent(token)) {
            return "not opened: leadership moved on while preparing (epoch " + token.epoch() + " is stale)";
        }
        motor.accept(token);
        return "opened by " + token.host() + " at epoch " + token.epoch();
    }
}
