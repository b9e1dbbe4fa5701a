package io.piha.api.recovery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One mapped port as a PoE safety layer holds it at an instant: its last action, the cooldown and breaker still
 * running, and whether its journal has it off. The one description of a port's guard state, read by status pages,
 * metrics and drills alike. Immutable.
 *
 * @param label the port's label (usually the host's id)
 * @param protectedPort whether it is never switched (an uplink, the NAS)
 * @param lastAction the last power action that took power away (cycle, off), if any within the ledger's retention
 * @param cooldownUntil when the port may be acted on again, while its cooldown runs
 * @param breakerOpenUntil when the open breaker lets one attempt through, while it is open
 * @param recentFailures failed recoveries still counted towards the breaker
 * @param off whether the journal has it off, and why
 * @param offSince since when it is off, if it is
 * @since 0.1
 */
public record GuardedPort(String label, boolean protectedPort, Optional<Instant> lastAction,
                          Optional<Instant> cooldownUntil, Optional<Instant> breakerOpenUntil, int recentFailures,
                          Optional<Off> off, Optional<Instant> offSince) {

    /** Why a port is off by the safety layer's journal. */
    public enum Off {
        /** A cycle switched it off and was interrupted: start-up switches it on. */
        LEFT_OFF,
        /** A power-off was sent and neither confirmed nor undone: start-up switches it on. */
        MAYBE_OFF,
        /** Switched off on purpose (a fence, an operator): stays off until a person powers it on. */
        HELD_OFF
    }

    /** @throws NullPointerException if a component is null */
    public GuardedPort {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(lastAction, "lastAction");
        Objects.requireNonNull(cooldownUntil, "cooldownUntil");
        Objects.requireNonNull(breakerOpenUntil, "breakerOpenUntil");
        Objects.requireNonNull(off, "off");
        Objects.requireNonNull(offSince, "offSince");
    }
}
