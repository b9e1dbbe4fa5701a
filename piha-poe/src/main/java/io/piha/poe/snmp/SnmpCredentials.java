package io.piha.poe.snmp;

import io.piha.api.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * How the driver authenticates to a switch: an SNMPv2c community, or an SNMPv3 USM user at security level
 * authPriv (authentication and privacy) or authNoPriv (authentication only). Secrets are {@link Secret}s and
 * never appear in {@code toString()}.
 *
 * <p>The USM protocols are the one list of PiHA: {@link AuthProtocol} and {@link PrivProtocol}, each constant
 * with the word configuration files use ({@link AuthProtocol#word()}); {@link AuthProtocol#parse(String)}
 * reads them. Every one is registered explicitly with SNMP4J when a driver opens, so none depends on SNMP4J's
 * default protocol set (which lacks MD5, SHA-1 and 3DES).
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
        return new Usm(user, auth, authKey, Optional.of(new Privacy(priv, privKey)));
    }

    /** An SNMPv3 user with authentication only (authNoPriv): requests are signed, not encrypted. */
    static SnmpCredentials usmWithoutPrivacy(String user, AuthProtocol auth, Secret authKey) {
        return new Usm(user, auth, authKey, Optional.empty());
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
     * The privacy half of a USM user.
     *
     * @param protocol the privacy protocol
     * @param key the privacy passphrase, at least 8 characters
     */
    record Privacy(PrivProtocol protocol, Secret key) {
        /** @throws NullPointerException if a component is null */
        public Privacy {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * An SNMPv3 USM user: authPriv with {@code privacy}, authNoPriv without.
     *
     * @param user the security name (not a secret)
     * @param auth the authentication protocol
     * @param authKey the authentication passphrase, at least 8 characters
     * @param privacy the privacy protocol and passphrase; empty for authNoPriv
     */
    record Usm(String user, AuthProtocol auth, Secret authKey, Optional<Privacy> privacy) implements SnmpCredentials {
        /** @throws IllegalArgumentException if a passphrase is shorter than 8 characters, as USM requires */
        public Usm {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(authKey, "authKey");
            Objects.requireNonNull(privacy, "privacy");
            if (authKey.reveal().length() < 8 || privacy.map(p -> p.key().reveal().length() < 8).orElse(false)) {
                throw new IllegalArgumentException("SNMPv3 user '" + user
                        + "': USM passphrases need at least 8 characters (RFC 3414)");
            }
        }

        /** {@code authPriv} or {@code authNoPriv}, as RFC 3411 names the security level. */
        public String securityLevel() {
            return privacy.isPresent() ? "authPriv" : "authNoPriv";
        }
    }
}
