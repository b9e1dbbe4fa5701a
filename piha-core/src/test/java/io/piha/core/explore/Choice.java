package io.piha.core.explore;

import io.piha.api.leadership.CommandVerb;
import java.util.List;

/**
 * One step the explorer may take from a situation: a delivery, loss or duplication of a message in flight, the
 * arbiter's pending effects carried out (with the switch's outcome for each power action), a timer firing, time
 * advancing to the next deadline, a crash, a hang, or an operator's command. Choices are data: replaying the same
 * choices from the same situation gives the same history.
 */
sealed interface Choice {

    /** Who a message in flight is for. */
    enum Recipient {
        ARBITER, PRIMARY, STANDBY;

        int host() {
            return ordinal() - 1;
        }

        static Recipient of(int host) {
            return host == 0 ? PRIMARY : STANDBY;
        }
    }

    /** What the switch does with one power action. */
    enum PowerOutcome {
        /** Off: the port is off. Cycle: the host boots again, its agent a standby in a new session. */
        OBEYS,
        /** Cycle only: the port cycles but the host does not come back (a dead SD card). */
        STAYS_DEAD,
        /** The switch reports a failure and changes nothing. */
        FAILS
    }

    /**
     * Delivers one message in flight.
     *
     * @param to its recipient
     * @param index its place in the recipient's inbox
     * @param overtaking whether it overtakes an older message of its channel (reordering: a fault)
     */
    record Deliver(Recipient to, int index, boolean overtaking) implements Choice {
    }

    /**
     * The broker loses one message in flight.
     *
     * @param to its recipient
     * @param index its place in the recipient's inbox
     */
    record Lose(Recipient to, int index) implements Choice {
    }

    /**
     * The broker delivers one message in flight twice (QoS 1 redelivery).
     *
     * @param to its recipient
     * @param index its place in the recipient's inbox
     */
    record Duplicate(Recipient to, int index) implements Choice {
    }

    /**
     * The control plane carries out every pending effect in order.
     *
     * @param outcomes the switch's outcome for each power action among them, in order
     */
    record CarryOut(List<PowerOutcome> outcomes) implements Choice {
        public CarryOut {
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * The control plane crashes after carrying out the first {@code afterEffects} pending effects (the switch obeying),
     * losing the rest, and restarts from its persisted memory.
     *
     * @param afterEffects how many pending effects were carried out before the crash
     */
    record CrashArbiter(int afterEffects) implements Choice {
    }

    /** The arbiter's wake-up timer fires (it is due). */
    record FireArbiterTimer() implements Choice {
    }

    /**
     * A leading host's heartbeat timer fires (it is due).
     *
     * @param host 0 for the primary, 1 for the standby
     */
    record FireHeartbeat(int host) implements Choice {
    }

    /**
     * Time advances to the next deadline of any component. Late if something was still undone at the earlier instant
     * (a message in flight, an effect not carried out, a due timer not fired): that is a fault.
     *
     * @param late whether something is left undone
     */
    record Advance(boolean late) implements Choice {
    }

    /**
     * A host's agent crashes and restarts as a standby in a new session; Home Assistant keeps running.
     *
     * @param host 0 for the primary, 1 for the standby
     */
    record RestartAgent(int host) implements Choice {
    }

    /**
     * A host's process hangs, keeping its state; its broker session drops.
     *
     * @param host 0 for the primary, 1 for the standby
     */
    record Hang(int host) implements Choice {
    }

    /**
     * A hung host resumes with the state it had, and subscribes again.
     *
     * @param host 0 for the primary, 1 for the standby
     */
    record Resume(int host) implements Choice {
    }

    /**
     * An operator publishes a command, as {@code piha promote --target HOST} would.
     *
     * @param verb promote, demote or freeze
     * @param target 0 for the primary, 1 for the standby
     */
    record Operator(CommandVerb verb, int target) implements Choice {
    }
}
