package io.piha.api.recovery;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Switches the power of ports on one switch (or one smart plug). The extension point for new hardware:
 * implement it and subclass {@code io.piha.poe.kit.PoeDriverCompatibilityKit} (artifact
 * {@code piha-poe-kit}) in your tests, against your switch or a simulator.
 *
 * <p>Drivers do exactly what they are asked; guards (protected ports, rate limits, journals, read-back
 * verification) live in the safety layer that wraps every driver. Every method names the port by its
 * label in {@link #portMap()}. Failures are the subclasses of {@link PoeException}, each naming switch and
 * port. Implementations must be thread-safe.
 *
 * @since 0.1
 */
public interface PoeDriver extends AutoCloseable {

    /** The switch's port map; its {@link PortMap#switchName()} names the switch in every error. */
    PortMap portMap();

    /** What the driver can do; never empty, and always contains {@code ON_OFF} or {@code NATIVE_CYCLE}. */
    Set<PoeCapability> capabilities();

    /**
     * Reads a port's state back from the device.
     *
     * @throws PoeException.UnknownPort if the label is not mapped or the switch does not know the port
     * @throws PoeException.Unsupported if the driver lacks {@link PoeCapability#READ_BACK}
     * @throws PoeException.SwitchUnreachable if the device did not answer within the driver's timeout
     * @throws PoeException.AccessDenied if the device refused the credentials
     * @throws PoeException.UnexpectedAnswer if the device answered with something the driver cannot read
     */
    PortStatus status(String label);

    /**
     * Switches a port's power off. Idempotent: switching off a port that is off succeeds.
     *
     * @throws PoeException.Unsupported if the driver lacks {@link PoeCapability#ON_OFF}
     * @throws PoeException.UnknownPort if the label is not mapped or the switch does not know the port
     * @throws PoeException.SwitchUnreachable if the device did not answer within the driver's timeout
     * @throws PoeException.AccessDenied if the device refused the credentials
     * @throws PoeException.UnexpectedAnswer if the device refused the change or answered unreadably
     */
    void powerOff(String label);

    /**
     * Switches a port's power on. Idempotent: switching on a port that is on succeeds.
     *
     * @throws PoeException.Unsupported if the driver lacks {@link PoeCapability#ON_OFF}
     * @throws PoeException.UnknownPort if the label is not mapped or the switch does not know the port
     * @throws PoeException.SwitchUnreachable if the device did not answer within the driver's timeout
     * @throws PoeException.AccessDenied if the device refused the credentials
     * @throws PoeException.UnexpectedAnswer if the device refused the change or answered unreadably
     */
    void powerOn(String label);

    /**
     * Switches a port off for {@code offTime} and on again. Drivers with {@link PoeCapability#NATIVE_CYCLE}
     * hand the timer to the device, which turns the port back on even if this process dies; others switch
     * off, wait and switch on, and return only once the power-on request was accepted.
     *
     * @param offTime how long the port stays off; drivers round it to what the device accepts
     * @throws PoeException.UnknownPort if the label is not mapped or the switch does not know the port
     * @throws PoeException.SwitchUnreachable if the device did not answer within the driver's timeout
     * @throws PoeException.AccessDenied if the device refused the credentials
     * @throws PoeException.UnexpectedAnswer if the device refused the change or answered unreadably
     */
    void powerCycle(String label, Duration offTime);

    /**
     * The exact requests {@code action} would send for {@code label}, without sending anything: the dry
     * run. Requests that depend on a read first (read-modify-write) are listed as the driver would send
     * them. Never contains a secret.
     *
     * @param offTime the off time for {@link PowerAction#CYCLE}; ignored otherwise
     * @throws PoeException.UnknownPort if the label is not mapped
     * @throws PoeException.Unsupported if the driver cannot perform {@code action}
     */
    List<PlannedRequest> plan(PowerAction action, String label, Duration offTime);

    /** Releases connections. Idempotent. */
    @Override
    void close();
}
