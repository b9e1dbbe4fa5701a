package io.piha.api.recovery;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A port's state as read back from the switch.
 *
 * @param label the port's label
 * @param adminEnabled whether power is administratively enabled
 * @param detection what the PSE sees on the port
 * @param powerWatts power drawn by this port, where the device reports it per port
 * @param pseWatts power drawn from the whole PSE that feeds the port, where the device reports only that
 *     (RFC 3621 {@code pethMainPseConsumptionPower})
 * @param powerClass the IEEE 802.3 power class (0-8) the PSE detected, where the device reports it
 *     (RFC 3621 {@code pethPsePortPowerClassifications})
 * @since 0.1
 */
public record PortStatus(String label, boolean adminEnabled, Detection detection, OptionalDouble powerWatts,
                         OptionalDouble pseWatts, OptionalInt powerClass) {

    /** {@code pethPsePortDetectionStatus} of RFC 3621, which REST drivers map onto. */
    public enum Detection {
        /** Power disabled. */
        DISABLED,
        /** Looking for a powered device. */
        SEARCHING,
        /** Powering a device. */
        DELIVERING_POWER,
        /** A fault was detected. */
        FAULT,
        /** Test mode. */
        TEST,
        /** Any other fault. */
        OTHER_FAULT,
        /** The driver cannot tell. */
        UNKNOWN
    }

    /** @throws NullPointerException if a component is null */
    public PortStatus {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(powerWatts, "powerWatts");
        Objects.requireNonNull(pseWatts, "pseWatts");
        Objects.requireNonNull(powerClass, "powerClass");
        if (powerClass.isPresent() && (powerClass.getAsInt() < 0 || powerClass.getAsInt() > 8)) {
            throw new IllegalArgumentException("power class must be 0-8, was " + powerClass.getAsInt());
        }
    }

    /** A status without a power class. */
    public PortStatus(String label, boolean adminEnabled, Detection detection, OptionalDouble powerWatts,
                      OptionalDouble pseWatts) {
        this(label, adminEnabled, detection, powerWatts, pseWatts, OptionalInt.empty());
    }

    /** A status without power readings. */
    public static PortStatus of(String label, boolean adminEnabled, Detection detection) {
        return new PortStatus(label, adminEnabled, detection, OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** Whether the port is on and powering a device. */
    public boolean isPowering() {
        return adminEnabled && detection == Detection.DELIVERING_POWER;
    }
}
