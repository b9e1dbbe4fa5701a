package io.piha.api.recovery;

import java.util.Objects;

/**
 * A password, SNMP community or API token. {@link #toString()} is redacted so a secret never reaches a
 * log line or an exception message by accident; {@link #reveal()} is the one way to read it.
 *
 * @since 0.1
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret");
    }

    /** Wraps a secret value. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret itself, for the one place that must send it. */
    public String reveal() {
        return value;
    }

    /** Whether the secret is empty. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                other.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Always {@code Secret[redacted]}. */
    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
