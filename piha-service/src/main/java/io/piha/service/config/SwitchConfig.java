package io.piha.service.config;

import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PoE switch (or smart plug) the control plane may switch ports on.
 *
 * @param name the switch's name, referred to by hosts
 * @param type which driver speaks to it
 * @param address host name or address, optionally {@code :port}
 * @param credentials how to log in; which ones the type needs is checked when loading
 * @param ports port map: label to the driver's port ({@code 1.3} for SNMP, {@code ether3} for RouterOS)
 * @param protectedPorts labels that must never be switched (the NAS's own port, uplinks)
 * @since 0.1
 */
public record SwitchConfig(String name, SwitchType type, String address, SwitchCredentials credentials,
                           Map<String, String> ports, Set<String> protectedPorts) {

    private static final Pattern GROUP_PORT = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final Pattern INDEX = Pattern.compile("\\d+");

    /** @throws NullPointerException if a component is null */
    public SwitchConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(credentials, "credentials");
        ports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ports));
        protectedPorts = Set.copyOf(protectedPorts);
    }

    /** The drivers a switch can be spoken to with. */
    public enum SwitchType {
        /** SNMP v2c or v3, POWER-ETHERNET-MIB ({@code pethPsePortAdminEnable}). */
        SNMP,
        /** MikroTik RouterOS REST API. */
        ROUTEROS,
        /** UniFi Network controller. */
        UNIFI,
        /** Shelly relay (smart plug), Gen2 RPC. */
        SHELLY,
        /** Tasmota relay, HTTP command API. */
        TASMOTA,
        /** An in-memory switch, for drills and tests. */
        SIMULATED
    }

    /**
     * The port map in the SDK's terms.
     *
     * @throws IllegalArgumentException naming the label if a port cannot be read
     */
    public PortMap portMap() {
        Map<String, PortAddress> addresses = new LinkedHashMap<>();
        ports.forEach((label, port) -> addresses.put(label, address(port)));
        return new PortMap(name, addresses, protectedPorts);
    }

    /**
     * One port as the driver addresses it: {@code g.p} is an SNMP group and port, a bare number a port
     * index in group 1 (0 for relays), anything else a native name.
     *
     * @throws IllegalArgumentException if the text is blank or a number is zero
     */
    public PortAddress address(String port) {
        Matcher m = GROUP_PORT.matcher(port);
        if (m.matches()) {
            return PortAddress.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if (INDEX.matcher(port).matches()) {
            return new PortAddress(type == SwitchType.SNMP ? 1 : 0, Integer.parseInt(port), "");
        }
        return PortAddress.named(port);
    }
}
