package io.piha.examples.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password, token, SNMP community or key. Its {@link #toString()} is redacted, so a secret that slips
 * into a log line, an exception or a status page shows as {@code ******}; only {@link #reveal()} gives the
 * value, at the one place that sends it (an HTTP header, an SNMP session).
 *
 * @since 0.1
 */
public final class Secret {

    /** What every secret prints as. */
    public static final String REDACTED = "******";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @throws IllegalArgumentException if the value is empty (an unset secret is an absent one)
     * @throws NullPointerException if the value is null
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /** The value itself: hand it to the protocol, never to a logger. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && constantTimeEquals(value, other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return REDACTED;
    }

    // constant time, so an equality check does not leak how much of a secret matched
    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
