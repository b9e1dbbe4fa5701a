package io.piha.inventory.homeseer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One device as HomeSeer's {@code getstatus} reports it.
 *
 * @param ref HomeSeer's device reference number
 * @param name the device name
 * @param location HomeSeer's first location (usually the room)
 * @param location2 HomeSeer's second location (usually the floor)
 * @param deviceType {@code device_type_string}
 * @param value the current value, as text
 * @param status the current status text, e.g. {@code 82 F}
 * @param lastChange when the status last changed
 * @param relationship root, standalone or child
 * @param associatedDevices children of a root, or the root of a child
 * @param interfaceName the plug-in that owns the device, empty for HomeSeer's own
 * @since 0.1
 */
public record HsDevice(int ref, String name, String location, String location2, String deviceType, String value,
                       String status, Optional<Instant> lastChange, Relationship relationship,
                       List<Integer> associatedDevices, String interfaceName) {

    /** Copies the list. */
    public HsDevice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(location2, "location2");
        Objects.requireNonNull(lastChange, "lastChange");
        Objects.requireNonNull(relationship, "relationship");
        associatedDevices = List.copyOf(associatedDevices);
    }

    /** HomeSeer's {@code relationship} codes. */
    public enum Relationship {
        /** 2: a physical device with child devices. */
        ROOT,
        /** 3: the only device of its physical device. */
        STANDALONE,
        /** 4: part of a physical device whose root is in {@code associated_devices}. */
        CHILD,
        /** Any other code. */
        UNKNOWN;

        /** The relationship of a HomeSeer code. */
        public static Relationship of(int code) {
            return switch (code) {
                case 2 -> ROOT;
                case 3 -> STANDALONE;
                case 4 -> CHILD;
                default -> UNKNOWN;
            };
        }
    }
}
