package io.piha.api.sync;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Git commit id, 40 lower-case hex digits.
 *
 * @param hex the full id
 * @since 0.1
 */
public record CommitId(String hex) {

    private static final Pattern HEX40 = Pattern.compile("[0-9a-f]{40}");

    /** @throws IllegalArgumentException if {@code hex} is not 40 hex digits */
    public CommitId {
        Objects.requireNonNull(hex, "hex");
        hex = hex.toLowerCase(Locale.ROOT);
        if (!HEX40.matcher(hex).matches()) {
            throw new IllegalArgumentException("invalid commit id '" + hex + "': expected 40 hex digits");
        }
    }

    /** The first 10 digits, for people. */
    public String abbreviated() {
        return hex.substring(0, 10);
    }

    @Override
    public String toString() {
        return abbreviated();
    }
}
