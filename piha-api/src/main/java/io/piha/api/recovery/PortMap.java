package io.piha.api.recovery;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The port map of one switch: human labels (e.g. {@code haos-primary}, {@code uplink}) to port addresses,
 * plus the labels that must never be switched (the NAS's own port, uplinks).
 *
 * <p>The port index is not the ifIndex on most switches, so the map is data, per switch.
 *
 * @param switchName which switch this map describes
 * @param ports label to address
 * @param protectedLabels labels refused always
 * @since 0.1
 */
public record PortMap(String switchName, Map<String, PortAddress> ports, Set<String> protectedLabels) {

    /**
     * @throws IllegalArgumentException if a protected label is not in the map, or the switch name is blank
     */
    public PortMap {
        Objects.requireNonNull(switchName, "switchName");
        if (switchName.isBlank()) {
            throw new IllegalArgumentException("port map needs a switch name");
        }
        ports = Map.copyOf(Objects.requireNonNull(ports, "ports"));
        protectedLabels = Set.copyOf(Objects.requireNonNull(protectedLabels, "protectedLabels"));
        for (String label : protectedLabels) {
            if (!ports.containsKey(label)) {
                throw new IllegalArgumentException("protected port '" + label + "' is not in the port map of "
                        + switchName + " (known: " + ports.keySet() + ")");
            }
        }
    }

    /** The address of a label, if mapped. */
    public Optional<PortAddress> address(String label) {
        return Optional.ofNullable(ports.get(label));
    }

    /**
     * Whether the label is protected: configured so, or its label or native port name says uplink.
     * Unmapped labels are not protected (they are unknown, and refused as such).
     */
    public boolean isProtected(String label) {
        if (protectedLabels.contains(label) || saysUplink(label)) {
            return true;
        }
        PortAddress address = ports.get(label);
        return address != null && saysUplink(address.nativeName());
    }

    /**
     * The address of a label, or a typed failure naming the switch and the known labels.
     *
     * @throws PoeException.UnknownPort if the label is not mapped
     */
    public PortAddress require(String label) {
        PortAddress address = ports.get(label);
        if (address == null) {
            throw new PoeException.UnknownPort(switchName, String.valueOf(label),
                    "not in the port map (known: " + new java.util.TreeSet<>(ports.keySet()) + ")");
        }
        return address;
    }

    private static boolean saysUplink(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).contains("uplink");
    }
}
