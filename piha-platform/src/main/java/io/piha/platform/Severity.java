package io.piha.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How bad a finding is, from {@link #CRITICAL} (the seed's non-negotiable rules and its V items) down to
 * {@link #INFO}. The order of the constants is the order of severity, most severe first.
 *
 * @since 0.1
 */
public enum Severity {
    /** Data loss or an outage waiting to happen; the seed's critical violations. */
    CRITICAL,
    /** A serious weakness; fix in the phase it belongs to. */
    HIGH,
    /** An anti-pattern worth fixing or justifying. */
    MEDIUM,
    /** Inconsistency or hygiene. */
    LOW,
    /** For information only. */
    INFO;

    /** Whether this severity is the same as or worse than {@code threshold}. */
    public boolean isAtLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    /**
     * Parses a name in any case ({@code critical}, {@code High}...).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is none of them
     */
    public static Severity parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown severity '" + text + "': use one of "
                        + Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))));
    }
}
