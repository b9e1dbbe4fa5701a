package io.piha.poe.snmp;

import io.piha.api.Secret;
import java.util.Objects;

/**
 * How the driver authenticates to a switch: an SNMPv2c community or an SNMPv3 USM user with authPriv.
 * Secrets are {@link Secret}s and never appear in {@code toString()}.
 *
 * @since 0.1
 */
public sealed interface SnmpCredentials {

    /** An SNMPv2c community with write access. */
    static SnmpCredentials community(Secret community) {
        return new Community(community);
    }

    /** An SNMPv3 user with authentication and privacy (authPriv). */
    static SnmpCredentials usm(String user, AuthProtocol auth, Secret authKey, PrivProtocol priv, Secret privKey) {
        return new Usm(user, auth, authKey, priv, privKey);
    }

    /** USM authentication protocols. */
    enum AuthProtocol {
        /** HMAC-SHA-96 (RFC 3414). */
        SHA1,
        /** HMAC-SHA-256 (usmHMAC192SHA256AuthProtocol, RFC 7860). */
        SHA256
    }

    /** USM privacy protocols. */
    enum PrivProtocol {
        /** CFB128-AES-128 (RFC 3826). */
        AES128,
        /** AES-256 (Blumenthal draft, widely supported). */
        AES256
    }

    /**
     * An SNMPv2c community.
     *
     * @param community the community string
     */
    record Community(Secret community) implements SnmpCredentials {
        /** @throws NullPointerException if the community is null */
        public Community {
            Objects.requireNonNull(community, "community");
        }
    }

    /**
     * An SNMPv3 USM user at security level authPriv.
     *
     * @param user the security name (not a secret)
     * @param auth the authentication protocol
     * @param authKey the authentication passphrase, at least 8 characters
     * @param priv the privacy protocol
     * @param privKey the privacy passphrase, at least 8 characters
     */
    record Usm(String user, AuthProtocol auth, Secret authKey, PrivProtocol priv, Secret privKey)
            implements SnmpCredentials {
        /** @throws IllegalArgumentException if a passphrase is shorter than 8 characters, as USM requires */
        public Usm {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(priv, "priv");
            if (authKey.reveal().length() < 8 || privKey.reveal().length() < 8) {
                throw new IllegalArgumentException("SNMPv3 user '" + user
                        + "': USM passphrases need at least 8 characters");
            }
        }
    }
}
