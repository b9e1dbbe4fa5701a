package io.piha.testkit.poe;

import io.piha.api.recovery.PortAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.smi.OID;

/**
 * How a {@link SimulatedPoeSwitch} is set up: its ports, communities, SNMPv3 users and UDP port.
 * Immutable; built with {@link SimulatedPoeSwitch#builder()}.
 *
 * @param ports the ports, {@code group.port}
 * @param readCommunity the v2c community with read access
 * @param writeCommunity the v2c community with read-write access
 * @param v3Users the USM users, each with its own protocols (any SNMP4J implements, named by their OIDs)
 * @param udpPort the UDP port on 127.0.0.1; 0 picks a free one
 * @since 0.1
 */
public record SimulatedSwitchConfig(List<PortAddress> ports, String readCommunity, String writeCommunity,
                                    List<V3User> v3Users, int udpPort) {

    /** @throws IllegalArgumentException if there are no ports or the UDP port is out of range */
    public SimulatedSwitchConfig {
        ports = List.copyOf(ports);
        Objects.requireNonNull(readCommunity, "readCommunity");
        Objects.requireNonNull(writeCommunity, "writeCommunity");
        v3Users = List.copyOf(v3Users);
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("a simulated switch needs at least one port");
        }
        if (udpPort < 0 || udpPort > 65535) {
            throw new IllegalArgumentException("UDP port out of range: " + udpPort);
        }
    }

    /**
     * A USM user of the simulator, at security level authPriv (with {@code priv}) or authNoPriv (without).
     * Protocols are SNMP4J's OIDs ({@code AuthSHA.ID}, {@code PrivDES.ID}): the simulator is an independent
     * peer of the driver and does not share its protocol list.
     *
     * @param name the security name
     * @param auth the authentication protocol, e.g. {@code AuthHMAC192SHA256.ID}
     * @param authKey the authentication passphrase
     * @param priv the privacy protocol, e.g. {@code PrivAES128.ID}; empty for authNoPriv
     * @param privKey the privacy passphrase; ignored without {@code priv}
     */
    public record V3User(String name, OID auth, String authKey, Optional<OID> priv, String privKey) {
        /** @throws IllegalArgumentException if a passphrase is shorter than 8 characters */
        public V3User {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(priv, "priv");
            if (authKey.length() < 8 || (priv.isPresent() && privKey.length() < 8)) {
                throw new IllegalArgumentException("USM passphrases need at least 8 characters (user " + name + ")");
            }
        }

        @Override
        public String toString() {
            return "V3User[" + name + ", " + auth + "/" + priv.map(OID::toString).orElse("noPriv") + ", keys redacted]";
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
        private final List<V3User> v3Users = new ArrayList<>();
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
            return v3User(name, AuthHMAC192SHA256.ID, authKey, PrivAES128.ID, privKey);
        }

        /** Adds an SNMPv3 user with authPriv access and the given SNMP4J protocols. */
        public Builder v3User(String name, OID auth, String authKey, OID priv, String privKey) {
            v3Users.add(new V3User(name, auth, authKey, Optional.of(priv), privKey));
            return this;
        }

        /** Adds an SNMPv3 user with authNoPriv access (signed, not encrypted). */
        public Builder v3UserWithoutPrivacy(String name, OID auth, String authKey) {
            v3Users.add(new V3User(name, auth, authKey, Optional.empty(), ""));
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
                    v3Users, udpPort);
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
