package io.piha.service.config;

import io.piha.api.Secret;
import io.piha.poe.snmp.AuthProtocol;
import io.piha.poe.snmp.PrivProtocol;
import java.util.Objects;
import java.util.Optional;

/**
 * How to log in to a switch. Which fields a switch type needs: SNMP a {@code community} (v2c) or a
 * {@link SnmpV3 v3} user; RouterOS, UniFi and Netgear a {@code username} and {@code password}; Omada an Open
 * API {@code client_id} and {@code client_secret}; Shelly and Tasmota optionally a password; a simulated switch
 * nothing.
 *
 * @param community SNMP v2c community
 * @param v3 SNMP v3 user
 * @param username user for REST drivers
 * @param password password for REST drivers
 * @param token an API token, where the driver takes one instead of a password
 * @param clientId an OAuth client id (Omada Open API)
 * @param clientSecret an OAuth client secret (Omada Open API)
 * @since 0.1
 */
public record SwitchCredentials(Optional<Secret> community, Optional<SnmpV3> v3, Optional<String> username,
                                Optional<Secret> password, Optional<Secret> token, Optional<String> clientId,
                                Optional<Secret> clientSecret) {

    /** @throws NullPointerException if a component is null */
    public SwitchCredentials {
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(v3, "v3");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    /** No credentials at all. */
    public static SwitchCredentials none() {
        return new SwitchCredentials(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * An SNMP v3 user: authPriv with a privacy protocol, authNoPriv without. The protocols are the SNMP
     * driver's own ({@link AuthProtocol}, {@link PrivProtocol}): the file's words are read by them.
     *
     * @param user the security name
     * @param authProtocol the authentication protocol
     * @param authPassword at least 8 characters
     * @param privProtocol the privacy protocol; empty for authNoPriv ({@code priv_protocol: none})
     * @param privPassword at least 8 characters; present exactly when {@code privProtocol} is
     */
    public record SnmpV3(String user, AuthProtocol authProtocol, Secret authPassword, Optional<PrivProtocol> privProtocol,
                         Optional<Secret> privPassword) {
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
