package io.piha.http.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One PoE switch as its safety layer holds it: each port's last action, running cooldown, open breaker and whether it
 * is off (left off by an interrupted cycle, maybe off, held off by a fence), the rate limit used, and the switch's
 * last actions.
 *
 * @param name the switch
 * @param ports its mapped ports
 * @param actionsInWindow power actions within the rate window
 * @param actionLimit the most allowed within the window
 * @param rateWindow the window
 * @param lastActions the newest power actions and their alerts, newest first
 * @since 0.1
 */
public record SwitchStatus(String name, List<Port> ports, long actionsInWindow, int actionLimit, Duration rateWindow,
                           List<RecentEvent> lastActions) {

    /** @throws NullPointerException if a component is null */
    public SwitchStatus {
        Objects.requireNonNull(name, "name");
        ports = List.copyOf(ports);
        Objects.requireNonNull(rateWindow, "rateWindow");
        lastActions = List.copyOf(lastActions);
    }

    /** Why a port is off, by the safety layer's journal. */
    public enum Off {
        /** An interrupted cycle left it off: the next start-up switches it on. */
        LEFT_OFF,
        /** A power-off was sent and neither confirmed nor undone: the next start-up switches it on. */
        MAYBE_OFF,
        /** Switched off on purpose (fenced): off until a person powers it on. */
        HELD_OFF
    }

    /**
     * One port.
     *
     * @param label its label, usually the host's id
     * @param protectedPort never switched (an uplink, the NAS)
     * @param lastAction the last action that took power away, if any
     * @param cooldownUntil while its cooldown runs, when it ends
     * @param breakerOpenUntil while its breaker is open, until when
     * @param recentFailures failed recoveries counting towards the breaker
     * @param off why it is off, if it is
     * @param offSince since when, if off
     */
    public record Port(String label, boolean protectedPort, Optional<Instant> lastAction, Optional<Instant> cooldownUntil,
                       Optional<Instant> breakerOpenUntil, int recentFailures, Optional<Off> off,
                       Optional<Instant> offSince) {

        /** @throws NullPointerException if a component is null */
        public Port {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(lastAction, "lastAction");
            Objects.requireNonNull(cooldownUntil, "cooldownUntil");
            Objects.requireNonNull(breakerOpenUntil, "breakerOpenUntil");
            Objects.requireNonNull(off, "off");
            Objects.requireNonNull(offSince, "offSince");
        }
    }
}
