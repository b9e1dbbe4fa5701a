package io.piha.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A password or key that must never be printed: {@link #toString()} is always {@code [redacted]}.
 * Immutable and thread-safe; the bytes are copied in and out.
 *
 * @since 0.1
 */
public final class Secret {

    private final byte[] value;

    private Secret(byte[] value) {
        if (value.length == 0) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        this.value = value.clone();
    }

    /**
     * A secret from text, stored as UTF-8.
     *
     * @throws IllegalArgumentException if the text is empty
     */
    public static Secret of(String text) {
        return new Secret(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A secret from raw bytes, e.g. an HMAC key.
     *
     * @throws IllegalArgumentException if there are no bytes
     */
    public static Secret ofBytes(byte[] bytes) {
        return new Secret(bytes);
    }

    /** A copy of the secret's bytes; the caller should clear it after use. */
    public byte[] bytes() {
        return value.clone();
    }

    /** The secret as UTF-8 text, for APIs that take a password string. */
    public String reveal() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    /** Always {@code [redacted]}. */
    @Override
    public String toString() {
        return "[redacted]";
    }
}
