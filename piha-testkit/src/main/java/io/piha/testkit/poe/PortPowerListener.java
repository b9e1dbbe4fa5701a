package io.piha.testkit.poe;

import io.piha.api.recovery.PortAddress;

/**
 * Told when a simulated port's power really changes: the hook a simulated host uses to stop and start
 * with its port. Called on the agent's thread, after the change; keep it short and do not throw.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface PortPowerListener {

    /**
     * @param port the port, as {@code group.port}
     * @param powered whether the port now delivers power
     */
    void powerChanged(PortAddress port, boolean powered);
}
