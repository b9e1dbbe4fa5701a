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

    /** Whether the label is protected, by configuration or because it names an uplink. */
    public boolean isProtected(String label) {
        return protectedLabels.contains(label) || label.toLowerCase(java.util.Locale.ROOT).contains("uplink");
    }
}
