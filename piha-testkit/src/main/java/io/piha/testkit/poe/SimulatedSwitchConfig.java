package io.piha.testkit.poe;

import io.piha.api.recovery.PortAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link SimulatedPoeSwitch} is set up: its ports, communities, optional SNMPv3 user and UDP port.
 * Immutable; built with {@link SimulatedPoeSwitch#builder()}.
 *
 * @param ports the ports, {@code group.port}
 * @param readCommunity the v2c community with read access
 * @param writeCommunity the v2c community with read-write access
 * @param v3User the USM user (SHA-256 auth, AES-128 privacy), if any
 * @param udpPort the UDP port on 127.0.0.1; 0 picks a free one
 * @since 0.1
 */
public record SimulatedSwitchConfig(List<PortAddress> ports, String readCommunity, String writeCommunity,
                                    Optional<V3User> v3User, int udpPort) {

    /** @throws IllegalArgumentException if there are no ports or the UDP port is out of range */
    public SimulatedSwitchConfig {
        ports = List.copyOf(ports);
        Objects.requireNonNull(readCommunity, "readCommunity");
        Objects.requireNonNull(writeCommunity, "writeCommunity");
        Objects.requireNonNull(v3User, "v3User");
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("a simulated switch needs at least one port");
        }
        if (udpPort < 0 || udpPort > 65535) {
            throw new IllegalArgumentException("UDP port out of range: " + udpPort);
        }
    }

    /**
     * A USM user of the simulator. Keys of at least 8 characters, as USM requires.
     *
     * @param name the security name
     * @param authKey the SHA-256 authentication passphrase
     * @param privKey the AES-128 privacy passphrase
     */
    public record V3User(String name, String authKey, String privKey) {
        /** @throws IllegalArgumentException if a passphrase is shorter than 8 characters */
        public V3User {
            Objects.requireNonNull(name, "name");
            if (authKey.length() < 8 || privKey.length() < 8) {
                throw new IllegalArgumentException("USM passphrases need at least 8 characters (user " + name + ")");
            }
        }

        @Override
        public String toString() {
            return "V3User[" + name + ", keys redacted]";
        }
    }

    static Builder custom() {
        return new Builder();
    }

    /** Builds a {@link SimulatedSwitchConfig} and starts the switch. Not thread-safe. */
    public static final class Builder {
        private final List<PortAddress> ports = new ArrayList<>();
        private String readCommunity = "public";
        private String writeCommunity = "private";
        private V3User v3User;
        private int udpPort;

        private Builder() {
        }

        /** Adds ports {@code group.1} to {@code group.count}, each with a powered device. */
        public Builder ports(int group, int count) {
            for (int p = 1; p <= count; p++) {
                ports.add(PortAddress.of(group, p));
            }
            return this;
        }

        /** The read-only and read-write v2c communities; default {@code public} and {@code private}. */
        public Builder communities(String read, String write) {
            this.readCommunity = read;
            this.writeCommunity = write;
            return this;
        }

        /** Adds an SNMPv3 user with authPriv access (SHA-256, AES-128). */
        public Builder v3User(String name, String authKey, String privKey) {
            this.v3User = new V3User(name, authKey, privKey);
            return this;
        }

        /** The UDP port on 127.0.0.1; default 0, a free port. */
        public Builder udpPort(int port) {
            this.udpPort = port;
            return this;
        }

        /** The configuration, validated. */
        public SimulatedSwitchConfig build() {
            return new SimulatedSwitchConfig(ports.isEmpty() ? defaultPorts() : ports, readCommunity, writeCommunity,
                    Optional.ofNullable(v3User), udpPort);
        }

        /**
         * Builds the configuration and starts the switch on 127.0.0.1.
         *
         * @throws java.io.UncheckedIOException if the UDP port cannot be bound
         */
        public SimulatedPoeSwitch start() {
            return SimulatedPoeSwitch.start(build());
        }

        private static List<PortAddress> defaultPorts() {
            List<PortAddress> list = new ArrayList<>();
            for (int p = 1; p <= 8; p++) {
                list.add(PortAddress.of(1, p));
            }
            return list;
        }
    }
}
