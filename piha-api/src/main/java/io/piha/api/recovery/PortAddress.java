package io.piha.api.recovery;

import java.util.Objects;

/**
 * Where a port is on its switch, in the driver's own terms: for SNMP the {@code pethPsePortTable} index
 * {@code group.port}; for REST drivers an interface name such as {@code ether3} as {@code native}.
 *
 * @param group the PSE group (1 on most switches); 0 where the driver has no groups
 * @param port the port index within the group, or 0 where {@code nativeName} identifies it
 * @param nativeName the driver's name of the port (e.g. {@code ether3}); may be empty for SNMP
 * @since 0.1
 */
public record PortAddress(int group, int port, String nativeName) {

    /**
     * @throws IllegalArgumentException if group or port is negative, or both port and name are unset
     */
    public PortAddress {
        Objects.requireNonNull(nativeName, "nativeName");
        if (group < 0 || port < 0) {
            throw new IllegalArgumentException("port address must not be negative, was " + group + "." + port);
        }
        if (port == 0 && nativeName.isBlank()) {
            throw new IllegalArgumentException("port address needs a port index or a native name");
        }
    }

    /** An SNMP-style address {@code group.port}. */
    public static PortAddress of(int group, int port) {
        return new PortAddress(group, port, "");
    }

    /** A named address, e.g. {@code ether3}. */
    public static PortAddress named(String nativeName) {
        return new PortAddress(0, 0, nativeName);
    }

    @Override
    public String toString() {
        return nativeName.isBlank() ? group + "." + port : nativeName;
    }
}
