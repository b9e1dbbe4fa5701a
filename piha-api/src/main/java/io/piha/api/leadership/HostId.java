package io.piha.api.leadership;

import java.util.Objects;

/**
 * The identity of a host taking part in leadership, as published in the heartbeat's {@code host_id},
 * e.g. {@code haos-primary}.
 *
 * @param value non-blank, at most 128 characters, without MQTT wildcards or control characters
 * @since 0.1
 */
public record HostId(String value) implements Comparable<HostId> {

    /**
     * @throws IllegalArgumentException if {@code value} is blank, too long or holds {@code + # /} or
     *     control characters
     */
    public HostId {
        Objects.requireNonNull(value, "host id");
        if (value.isBlank() || value.length() > 128 || !value.equals(value.strip())) {
            throw new IllegalArgumentException("invalid host id '" + value
                    + "': must be 1-128 characters without leading or trailing blanks");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+' || c == '#' || c == '/' || Character.isISOControl(c)) {
                throw new IllegalArgumentException("invalid host id '" + value
                        + "': '+', '#', '/' and control characters are not allowed");
            }
        }
    }

    /** Parses a host id; same as the constructor. */
    public static HostId of(String value) {
        return new HostId(value);
    }

    @Override
    public int compareTo(HostId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
