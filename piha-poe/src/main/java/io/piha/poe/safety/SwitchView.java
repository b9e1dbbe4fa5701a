package io.piha.poe.safety;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the safety layer of one switch holds at an instant, for status pages and metrics: each mapped port with its
 * last action, the cooldown and breaker still running, and whether the journal has it off. Read-only; taking one
 * never waits for an action in progress. Immutable.
 *
 * @param switchName the switch
 * @param ports every mapped port, by label
 * @param actionsInWindow power actions on this switch within the rate window
 * @param perSwitchLimit the most actions allowed within the rate window
 * @param rateWindow the window of the rate limit
 * @param dryRun whether actions are only planned
 * @since 0.1
 */
public record SwitchView(String switchName, List<PortView> ports, long actionsInWindow, int perSwitchLimit,
                         Duration rateWindow, boolean dryRun) {

    /** @throws NullPointerException if a component is null */
    public SwitchView {
        Objects.requireNonNull(switchName, "switchName");
        ports = List.copyOf(ports);
        Objects.requireNonNull(rateWindow, "rateWindow");
    }

    /** Why a port is off by the journal. */
    public enum Off {
        /** A cycle switched it off and was interrupted: start-up switches it on. */
        LEFT_OFF,
        /** A power-off was sent and neither confirmed nor undone: start-up switches it on. */
        MAYBE_OFF,
        /** Switched off on purpose (a fence, an operator): stays off until a person powers it on. */
        HELD_OFF
    }

    /**
     * One port.
     *
     * @param label the port's label (usually the host's id)
     * @param protectedPort whether it is never switched (an uplink, the NAS)
     * @param lastAction the last power action that took power away (cycle, off), if any within the ledger's retention
     * @param cooldownUntil when the port may be acted on again, while its cooldown runs
     * @param breakerOpenUntil when the open breaker lets one attempt through, while it is open
     * @param recentFailures failed recoveries still counted towards the breaker
     * @param off whether the journal has it off, and why
     * @param offSince since when it is off, if it is
     */
    public record PortView(String label, boolean protectedPort, Optional<Instant> lastAction,
                           Optional<Instant> cooldownUntil, Optional<Instant> breakerOpenUntil, int recentFailures,
                           Optional<Off> off, Optional<Instant> offSince) {

        /** @throws NullPointerException if a component is null */
        public PortView {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(lastAction, "lastAction");
            Objects.requireNonNull(cooldownUntil, "cooldownUntil");
            Objects.requireNonNull(breakerOpenUntil, "breakerOpenUntil");
            Objects.requireNonNull(off, "off");
            Objects.requireNonNull(offSince, "offSince");
        }
    }
}
