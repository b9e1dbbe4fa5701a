package io.piha.poe.snmp;

import io.piha.api.recovery.PortMap;
import io.piha.poe.Pause;
import io.piha.poe.SwitchAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a switch is and how to talk to it. Immutable.
 *
 * @param address the agent, e.g. {@code 192.168.1.2:161}; the host is resolved at the first request
 * @param credentials community or USM user
 * @param portMap labels to {@code group.port} in {@code pethPsePortTable}
 * @param timeout how long to wait for one answer; default 2 s
 * @param retries how often to resend before giving up; default 1
 * @param pause how the driver waits out a cycle's off time; {@link Pause#REAL} outside tests
 * @since 0.1
 */
public record SnmpSwitchConfig(SwitchAddress address, SnmpCredentials credentials, PortMap portMap, Duration timeout,
                               int retries, Pause pause) {

    /** Default time to wait for one answer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** Default number of resends. */
    public static final int DEFAULT_RETRIES = 1;
    /** The SNMP agent port when an address names none. */
    public static final int DEFAULT_PORT = 161;

    /** @throws IllegalArgumentException naming the bad value */
    public SnmpSwitchConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(portMap, "portMap");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(pause, "pause");
        if (timeout.isNegative() || timeout.isZero() || retries < 0) {
            throw new IllegalArgumentException("switch " + portMap.switchName() + ": timeout must be positive and "
                    + "retries not negative, was " + timeout + " / " + retries);
        }
    }

    /**
     * A config with the default timeout, retries and a real pause.
     *
     * @param address {@code host}, {@code host:port} or SNMP4J's {@code udp:host/port}; port 161 by default
     * @throws IllegalArgumentException naming a bad address
     */
    public static SnmpSwitchConfig of(String address, SnmpCredentials credentials, PortMap portMap) {
        return new SnmpSwitchConfig(SwitchAddress.parse(address, DEFAULT_PORT), credentials, portMap, DEFAULT_TIMEOUT,
                DEFAULT_RETRIES, Pause.REAL);
    }

    /** This config with another timeout and retries. */
    public SnmpSwitchConfig withTimeout(Duration newTimeout, int newRetries) {
        return new SnmpSwitchConfig(address, credentials, portMap, newTimeout, newRetries, pause);
    }

    /** This config with another pause. */
    public SnmpSwitchConfig withPause(Pause newPause) {
        return new SnmpSwitchConfig(address, credentials, portMap, timeout, retries, newPause);
    }
}
