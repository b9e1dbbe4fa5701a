package io.piha.service.config;

import io.piha.api.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * How to log in to a switch. Which fields a switch type needs: SNMP a {@code community} (v2c) or a
 * {@link SnmpV3 v3} user; RouterOS and UniFi a {@code username} and {@code password}; Shelly and Tasmota
 * optionally a password; a simulated switch nothing.
 *
 * @param community SNMP v2c community
 * @param v3 SNMP v3 user
 * @param username user for REST drivers
 * @param password password for REST drivers
 * @param token an API token, where the driver takes one instead of a password
 * @since 0.1
 */
public record SwitchCredentials(Optional<Secret> community, Optional<SnmpV3> v3, Optional<String> username,
                                Optional<Secret> password, Optional<Secret> token) {

    /** @throws NullPointerException if a component is null */
    public SwitchCredentials {
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(v3, "v3");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(token, "token");
    }

    /** No credentials at all. */
    public static SwitchCredentials none() {
        return new SwitchCredentials(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * An SNMP v3 user with authentication and privacy (authPriv).
     *
     * @param user the security name
     * @param authProtocol {@code sha}, {@code sha256}, {@code sha512} or {@code md5}
     * @param authPassword at least 8 characters
     * @param privProtocol {@code aes128}, {@code aes256} or {@code des}
     * @param privPassword at least 8 characters
     */
    public record SnmpV3(String user, String authProtocol, Secret authPassword, String privProtocol,
                         Secret privPassword) {
        /** @throws NullPointerException if a component is null */
        public SnmpV3 {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(authProtocol, "authProtocol");
            Objects.requireNonNull(authPassword, "authPassword");
            Objects.requireNonNull(privProtocol, "privProtocol");
            Objects.requireNonNull(privPassword, "privPassword");
        }
    }
}
