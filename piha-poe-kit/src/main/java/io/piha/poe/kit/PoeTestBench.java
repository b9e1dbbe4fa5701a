package io.piha.poe.kit;

import io.piha.api.recovery.PoeDriver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a driver author hands to the {@link PoeDriverCompatibilityKit}: a switch (simulated or real), a
 * driver for it, and the switch's own view of a port's power, which the kit trusts over the driver's.
 *
 * <p>Optional parts return {@link Optional#empty()} by default; the kit then skips the matching tests
 * with a reason instead of passing them silently.
 *
 * @since 0.1
 */
public interface PoeTestBench {

    /** A new driver for the switch, with the right credentials. The kit closes it after each test. */
    PoeDriver driver();

    /** The label of a mapped, unprotected port with a powered device attached. */
    String port();

    /**
     * Whether the switch really powers the port now, as the switch (or the simulator behind it) sees it,
     * not as the driver reports it. On real hardware without another view, use the driver's read-back.
     */
    boolean isPowered(String label);

    /** Puts the switch back in a known state before each test: {@link #port()} powered, history empty. */
    void reset();

    /**
     * The power changes the switch saw on a port since {@link #reset()}, oldest first ({@code true} = on),
     * so the kit can tell a cycle from no change at all. Empty if the bench cannot observe them.
     */
    default Optional<List<Boolean>> powerHistory(String label) {
        return Optional.empty();
    }

    /** A label that is in the driver's port map but that the switch itself does not know. */
    default Optional<String> portUnknownToSwitch() {
        return Optional.empty();
    }

    /** A driver for the same switch with wrong credentials (wrong password, community or auth key). */
    default Optional<PoeDriver> driverWithWrongCredentials() {
        return Optional.empty();
    }

    /** A driver pointed at an address that accepts requests but never answers (or drops them). */
    default Optional<PoeDriver> driverForSilentSwitch() {
        return Optional.empty();
    }

    /** The secrets the drivers use: the kit checks none of them appears in a plan or an error message. */
    default Set<String> secrets() {
        return Set.of();
    }

    /** The off time the kit asks for in cycles; default one second. */
    default Duration offTime() {
        return Duration.ofSeconds(1);
    }

    /**
     * How long the kit waits for a port to be powered again after a cycle, and for a silent switch to be
     * given up on; default ten seconds. A bound against hanging, not a speed requirement.
     */
    default Duration patience() {
        return Duration.ofSeconds(10);
    }
}
