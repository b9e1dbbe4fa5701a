package io.piha.http.status;

import io.piha.api.recovery.GuardedPort;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

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
public record SwitchStatus(String name, List<GuardedPort> ports, long actionsInWindow, int actionLimit, Duration rateWindow,
                           List<RecentEvent> lastActions) {

    /** @throws NullPointerException if a component is null */
    public SwitchStatus {
        Objects.requireNonNull(name, "name");
        ports = List.copyOf(ports);
        Objects.requireNonNull(rateWindow, "rateWindow");
        lastActions = List.copyOf(lastActions);
    }
}
