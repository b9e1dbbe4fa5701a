package io.piha.inventory.homeseer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One device as HomeSeer's {@code getstatus} reports it, typed as HomeSeer types it.
 *
 * @param ref HomeSeer's device reference number
 * @param name the device name
 * @param location HomeSeer's first location (usually the room)
 * @param location2 HomeSeer's second location (usually the floor)
 * @param deviceType {@code device_type_string}
 * @param interfaceName the plug-in that owns the device ({@code interface_name}), empty for HomeSeer's own
 * @param relationship root, standalone or child
 * @param associatedDevices children of a root, or the root of a child
 * @param value the current value, a number; empty if HomeSeer sent none
 * @param status the current status text, e.g. {@code 82 F}
 * @param lastChange when the status last changed; empty if it never did (HomeSeer sends .NET's
 *                   {@code DateTime.MinValue} then)
 * @param hidden {@code hide_from_view}: hidden from HomeSeer's user interfaces
 * @param userNote the note a person wrote on the device ({@code UserNote})
 * @param misc HomeSeer's {@code misc} bit field (e.g. {@code 0x1000}: a Z-Wave device), if sent
 * @since 0.1
 */
public record HsDevice(int ref, String name, String location, String location2, String deviceType,
                       String interfaceName, Relationship relationship, List<Integer> associatedDevices,
                       OptionalDouble value, String status, Optional<Instant> lastChange, boolean hidden,
                       String userNote, OptionalLong misc) {

    /**
     * Copies the list.
     *
     * @throws IllegalArgumentException if the ref is not positive
     */
    public HsDevice {
        if (ref <= 0) {
            throw new IllegalArgumentException("ref " + ref + " is not a HomeSeer device reference");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(location2, "location2");
        Objects.requireNonNull(deviceType, "deviceType");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(relationship, "relationship");
        associatedDevices = List.copyOf(associatedDevices);
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastChange, "lastChange");
        Objects.requireNonNull(userNote, "userNote");
        Objects.requireNonNull(misc, "misc");
    }

    /** The root device of a child: the one device its {@code associated_devices} names. */
    public OptionalInt parentRef() {
        return relationship == Relationship.CHILD && !associatedDevices.isEmpty()
                ? OptionalInt.of(associatedDevices.get(0)) : OptionalInt.empty();
    }

    /**
     * Whether everything but the status (value, status text, last change) is the same: HomeSeer bumps
     * {@code last_change} for a new status, not for a rename, a move or a new note.
     */
    public boolean sameApartFromStatus(HsDevice other) {
        return ref == other.ref && name.equals(other.name) && location.equals(other.location)
                && location2.equals(other.location2) && deviceType.equals(other.deviceType)
                && interfaceName.equals(other.interfaceName) && relationship == other.relationship
                && associatedDevices.equals(other.associatedDevices) && hidden == other.hidden
                && userNote.equals(other.userNote) && misc.equals(other.misc);
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
