package io.piha.api.recovery;

import java.time.Duration;
import java.util.Set;

/**
 * Switches the power of ports on one switch (or one smart plug). The extension point for new hardware:
 * implement it and run the contract kit of {@code piha-poe} against your switch or a simulator.
 *
 * <p>Drivers do exactly what they are asked; guards (protected ports, rate limits, journals) live in the
 * safety layer that wraps every driver. Methods throw the subclasses of {@link PoeException}.
 * Implementations must be thread-safe.
 *
 * @since 0.1
 */
public interface PoeDriver extends AutoCloseable {

    /** The switch's port map. */
    PortMap portMap();

    /** What the driver can do. */
    Set<PoeCapability> capabilities();

    /**
     * Reads a port's state back.
     *
     * @throws PoeException.UnknownPort if the label is not mapped or the switch does not know the port
     * @throws UnsupportedOperationException if the driver lacks {@link PoeCapability#READ_BACK}
     */
    PortStatus status(String label);

    /**
     * Switches a port's power off. Idempotent.
     *
     * @throws UnsupportedOperationException if the driver lacks {@link PoeCapability#ON_OFF}
     */
    void powerOff(String label);

    /**
     * Switches a port's power on. Idempotent.
     *
     * @throws UnsupportedOperationException if the driver lacks {@link PoeCapability#ON_OFF}
     */
    void powerOn(String label);

    /**
     * Switches a port off for {@code offTime} and on again. Drivers with
     * {@link PoeCapability#NATIVE_CYCLE} let the device turn the port back on.
     */
    void powerCycle(String label, Duration offTime);

    /** Releases connections. Idempotent. */
    @Override
    void close();
}
