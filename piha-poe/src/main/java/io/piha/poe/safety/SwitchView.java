package io.piha.poe.safety;

import io.piha.api.recovery.GuardedPort;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

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
public record SwitchView(String switchName, List<GuardedPort> ports, long actionsInWindow, int perSwitchLimit,
                         Duration rateWindow, boolean dryRun) {

    /** @throws NullPointerException if a component is null */
    public SwitchView {
        Objects.requireNonNull(switchName, "switchName");
        ports = List.copyOf(ports);
        Objects.requireNonNull(rateWindow, "rateWindow");
    }
}
