package io.piha.api.recovery;

import io.piha.api.leadership.HostId;
import java.util.Objects;

/**
 * Switches the power of a host, for the control plane: one power-cycle as a recovery attempt, or off and
 * kept off to fence it. Implementations block until the switch confirms or fails, and never throw for a
 * switch failure: they return {@link Outcome#failed(String)} naming switch and port.
 */
public interface HostPower {

    /** No switch: every action fails, so the control plane can neither power-cycle nor fence by power. */
    HostPower NONE = new HostPower() {
        @Override
        public Outcome cycle(HostId host, String reason) {
            return Outcome.failed("no PoE switch is configured for " + host);
        }

        @Override
        public Outcome switchOff(HostId host, String reason) {
            return Outcome.failed("no PoE switch is configured for " + host);
        }
    };

    /** Switches the host's port off and on again. */
    Outcome cycle(HostId host, String reason);

    /** Switches the host's port off and keeps it off; succeeds only when the switch confirms it. */
    Outcome switchOff(HostId host, String reason);

    /**
     * What a power action did.
     *
     * @param succeeded whether the switch confirmed the action
     * @param detail what happened, naming switch and port
     */
    record Outcome(boolean succeeded, String detail) {
        /** @throws NullPointerException if the detail is null */
        public Outcome {
            Objects.requireNonNull(detail, "detail");
        }

        /** A confirmed action. */
        public static Outcome done(String detail) {
            return new Outcome(true, detail);
        }

        /** A failed action. */
        public static Outcome failed(String detail) {
            return new Outcome(false, detail);
        }
    }
}
