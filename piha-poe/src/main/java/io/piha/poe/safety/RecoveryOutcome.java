package io.piha.poe.safety;

import io.piha.api.recovery.PlannedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a guarded power action ended. Expected failures are values, not exceptions.
 *
 * @since 0.1
 */
public sealed interface RecoveryOutcome {

    /** The switch the action was for. */
    String switchName();

    /** The port label. */
    String label();

    /**
     * Done, and every read-back step the driver and caller allow confirmed it.
     *
     * @param switchName the switch
     * @param label the port
     * @param verified the read-back steps that passed, in order
     * @param took from request to last confirmation, on the injected clock
     */
    record Done(String switchName, String label, List<Stage> verified, Duration took) implements RecoveryOutcome {
        /** @throws NullPointerException if a component is null */
        public Done {
            Objects.requireNonNull(switchName, "switchName");
            Objects.requireNonNull(label, "label");
            verified = List.copyOf(verified);
            Objects.requireNonNull(took, "took");
        }
    }

    /**
     * Refused before anything was sent; the port is untouched.
     *
     * @param switchName the switch
     * @param label the port
     * @param rule which guard refused
     * @param reason in words naming the values
     */
    record Refused(String switchName, String label, Rule rule, String reason) implements RecoveryOutcome {
        /** @throws NullPointerException if a component is null */
        public Refused {
            Objects.requireNonNull(switchName, "switchName");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Attempted and failed at {@code stage}: the first step that did not succeed, not a later one.
     *
     * @param switchName the switch
     * @param label the port
     * @param stage where it failed
     * @param reason naming switch, port and the error
     * @param port the port's power afterwards, as far as it was observed
     */
    record Failed(String switchName, String label, Stage stage, String reason, PortAfter port)
            implements RecoveryOutcome {
        /** @throws NullPointerException if a component is null */
        public Failed {
            Objects.requireNonNull(switchName, "switchName");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(port, "port");
        }

        /** Whether the port is off after the failure: a successful power-off or a read-back said so. */
        public boolean portLeftOff() {
            return port == PortAfter.LEFT_OFF;
        }
    }

    /** What was observed of a port's power after a failed action; never a guess. */
    enum PortAfter {
        /** The switch refused the first request (access denied, no such port): the port was never switched. */
        UNTOUCHED,
        /** A successful power-on or a read-back says the port is on. */
        ON,
        /** A successful power-off without a later power-on, or a read-back, says the port is off. */
        LEFT_OFF,
        /** Nothing answered: the port may be on or off. Journalled, so start-up switches it on. */
        UNKNOWN;

        /** In words, for logs and alerts. */
        public String describe() {
            return switch (this) {
                case UNTOUCHED -> "the port was never switched";
                case ON -> "the port is on";
                case LEFT_OFF -> "the port is LEFT OFF";
                case UNKNOWN -> "the port's state is unknown (no answer)";
            };
        }
    }

    /**
     * Dry run: what would have been sent.
     *
     * @param switchName the switch
     * @param label the port
     * @param requests the exact requests, in order
     */
    record Planned(String switchName, String label, List<PlannedRequest> requests) implements RecoveryOutcome {
        /** @throws NullPointerException if a component is null */
        public Planned {
            Objects.requireNonNull(switchName, "switchName");
            Objects.requireNonNull(label, "label");
            requests = List.copyOf(requests);
        }
    }

    /** Which guard refused. */
    enum Rule {
        /** The port is configured protected, or says uplink. */
        PROTECTED_PORT,
        /** The label is not in the port map. */
        UNKNOWN_PORT,
        /** The port was acted on within the cooldown. */
        PORT_COOLDOWN,
        /** The switch's rate limit is used up. */
        SWITCH_RATE,
        /** The global rate limit is used up. */
        GLOBAL_RATE,
        /** Too many failed recoveries of this host: the breaker is open. */
        BREAKER_OPEN,
        /** The driver cannot do the action. */
        UNSUPPORTED,
        /** A destructive action (a reinstall) was not confirmed by naming its host. */
        UNCONFIRMED
    }

    /** The steps of an action and its read-back. */
    enum Stage {
        /** Switching the port off (or asking the device to cycle it). */
        SWITCH_OFF,
        /** Switching the port on again. */
        SWITCH_ON,
        /** Read-back: the port is administratively on. */
        ADMIN_STATE,
        /** Read-back: the PSE delivers power again. */
        DETECTION,
        /** The host behind the port answers again. */
        HOST,
        /** Starting a host's scripted reinstall (its command or URL). */
        REINSTALL
    }
}
