package io.piha.service.config;

import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PoE switch (or smart plug) the control plane may switch ports on.
 *
 * @param name the switch's name, referred to by hosts
 * @param type which driver speaks to it
 * @param address as written: {@code host[:port]} (checked at load, resolved when the switch is opened), or
 *     for HTTP devices also a URL {@code https://host[:port]}; empty text for a {@code simulated} switch
 * @param credentials how to log in; which ones the type needs is checked when loading
 * @param ports port map: label to the driver's port ({@code 1.3} for SNMP, {@code ether3} for RouterOS)
 * @param protectedPorts labels that must never be switched (the NAS's own port, uplinks)
 * @param transport how long to wait for the switch, and how often to ask again
 * @param limits the safety layer's off time, cooldown and rate limits for this switch
 * @param controller the site and switch MAC of a switch behind a controller (UniFi, Omada)
 * @since 0.1
 */
public record SwitchConfig(String name, SwitchType type, String address, SwitchCredentials credentials,
                           Map<String, String> ports, Set<String> protectedPorts, Transport transport, Limits limits,
                           Optional<Controller> controller) {

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
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(controller, "controller");
    }

    /** The drivers a switch can be spoken to with. */
    public enum SwitchType {
        /** SNMP v2c or v3, POWER-ETHERNET-MIB ({@code pethPsePortAdminEnable}). */
        SNMP,
        /** MikroTik RouterOS REST API. */
        ROUTEROS,
        /** UniFi Network controller. */
        UNIFI,
        /** TP-Link Omada controller, Open API. */
        OMADA,
        /** Netgear M4250/M4300/M4350 REST API. */
        NETGEAR,
        /** Shelly relay (smart plug), Gen2 RPC. */
        SHELLY,
        /** Tasmota relay, HTTP command API. */
        TASMOTA,
        /** A switch in memory, to try the control plane without hardware. */
        SIMULATED;

        /** Whether the driver speaks HTTP. */
        public boolean http() {
            return this != SNMP && this != SIMULATED;
        }
    }

    /**
     * How the driver waits for the switch.
     *
     * @param timeout for one answer (SNMP) or one HTTP exchange
     * @param retries how often an SNMP request is sent again before giving up (not used over HTTP)
     * @param allowPlainHttp whether credentials may travel over {@code http://} (Shelly, Tasmota, labs)
     */
    public record Transport(Duration timeout, int retries, boolean allowPlainHttp) {
        /** @throws IllegalArgumentException if the timeout is not positive or retries negative */
        public Transport {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative() || retries < 0) {
                throw new IllegalArgumentException("timeout must be positive and retries not negative");
            }
        }
    }

    /**
     * The safety layer's limits for this switch.
     *
     * @param offTime how long a cycle keeps the port off
     * @param cooldown minimum time between two actions on one port
     * @param perSwitch most actions on this switch within {@code window}
     * @param global most actions on all switches within {@code window}
     * @param window the window of both rate limits
     */
    public record Limits(Duration offTime, Duration cooldown, int perSwitch, int global, Duration window) {
        /** @throws NullPointerException if a component is null */
        public Limits {
            Objects.requireNonNull(offTime, "offTime");
            Objects.requireNonNull(cooldown, "cooldown");
            Objects.requireNonNull(window, "window");
        }
    }

    /**
     * Where a switch is on its controller.
     *
     * @param site the controller's site: UniFi's site id ({@code default}), Omada's site name ({@code Default})
     * @param mac the switch's MAC address as written in the file
     * @param flavor UniFi only: {@code classic} or {@code unifi_os}
     */
    public record Controller(String site, String mac, String flavor) {
        /** @throws NullPointerException if a component is null */
        public Controller {
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(mac, "mac");
            Objects.requireNonNull(flavor, "flavor");
        }
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
     * index in group 1 (0 for relays and controllers), anything else a native name.
     *
     * @throws IllegalArgumentException if the text is blank or a number is zero
     */
    public PortAddress address(String port) {
        Matcher m = GROUP_PORT.matcher(port);
        if (m.matches()) {
            return PortAddress.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if (INDEX.matcher(port).matches()) {
            return new PortAddress(type == SwitchType.SNMP || type == SwitchType.SIMULATED ? 1 : 0,
                    Integer.parseInt(port), "");
        }
        return PortAddress.named(port);
    }
}
