package io.piha.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A password, token, SNMP community or signing key: the one secret type of the SDK. Its {@link #toString()} is
 * {@value #REDACTED}, so a secret that slips into a log line, an exception or a status page shows as that; only
 * {@link #reveal()} and {@link #bytes()} give the value, at the one place that sends it (an HTTP header, an SNMP
 * session, an MQTT connect, an HMAC). An unset secret is an absent one ({@code Optional<Secret>}), never an empty
 * one. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Secret {

    /** What every secret prints as. */
    public static final String REDACTED = "******";

    private final byte[] value;

    private Secret(byte[] value) {
        if (value.length == 0) {
            throw new IllegalArgumentException("a secret must not be empty (leave it out instead)");
        }
        this.value = value;
    }

    /**
     * A secret from text, kept as UTF-8.
     *
     * @throws IllegalArgumentException if the text is empty
     * @throws NullPointerException if the text is null
     */
    public static Secret of(String text) {
        return new Secret(Objects.requireNonNull(text, "secret").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A secret from raw bytes, e.g. an HMAC key; the bytes are copied.
     *
     * @throws IllegalArgumentException if there are no bytes
     */
    public static Secret ofBytes(byte[] bytes) {
        return new Secret(bytes.clone());
    }

    /** The value as UTF-8 text: hand it to the protocol, never to a logger. */
    public String reveal() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** A copy of the value's bytes; the caller should clear it after use. */
    public byte[] bytes() {
        return value.clone();
    }

    /** Compares the values in constant time, so a comparison leaks no prefix of the secret. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(value, other.value);
    }

    /** Consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    /** Always {@value #REDACTED}. */
    @Override
    public String toString() {
        return REDACTED;
    }
}
