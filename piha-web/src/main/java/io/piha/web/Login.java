package io.piha.web;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the dashboard knows who is at the keyboard: a user and password hash of its own, or a header set by a
 * trusted reverse proxy that has already logged the user in.
 *
 * @since 0.1
 */
public sealed interface Login {

    /** A login form checking one user's password against a hash. */
    static Login password(String user, PasswordHash hash) {
        return new Password(user, hash);
    }

    /** The user named by a header that a reverse proxy in front of the dashboard sets (and strips from clients). */
    static Login trustedHeader(String header) {
        return new TrustedHeader(header);
    }

    /**
     * A login form.
     *
     * @param user the user name, also the actor of the changes in the audit log
     * @param hash the password's hash
     */
    record Password(String user, PasswordHash hash) implements Login {
        /** @throws IllegalArgumentException if the user is blank */
        public Password {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(hash, "hash");
            if (user.isBlank() || user.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("dashboard user '" + user + "' must be a non-blank name");
            }
        }
    }

    /**
     * A header set by a reverse proxy, e.g. {@code X-Forwarded-User}: only safe when nothing but the proxy can
     * reach the dashboard (the default bind address, 127.0.0.1, with the proxy on the same host).
     *
     * @param header the header's name
     */
    record TrustedHeader(String header) implements Login {
        private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{1,64}");

        /** @throws IllegalArgumentException naming the value if it is not a header name */
        public TrustedHeader {
            Objects.requireNonNull(header, "header");
            if (!TOKEN.matcher(header).matches()) {
                throw new IllegalArgumentException("'" + header + "' is not an HTTP header name");
            }
        }
    }
}
