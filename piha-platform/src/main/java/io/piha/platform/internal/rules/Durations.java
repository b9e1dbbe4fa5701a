package io.piha.platform.internal.rules;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** InfluxDB-style durations ({@code 30d}, {@code 8760h}, {@code 52w}, {@code 1y}); 0 or INF means forever. */
final class Durations {

    /** Retention without end. */
    static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);

    private static final Pattern PART = Pattern.compile("(\\d+)(ns|us|µs|ms|mo|s|m|h|d|w|y)");

    private Durations() {
    }

    /** The duration, {@link #FOREVER} for 0, {@code 0s}, {@code inf} or {@code infinite}; empty if not a duration. */
    static Optional<Duration> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("0") || t.equals("inf") || t.equals("infinite") || t.matches("0+(ns|us|ms|s|m|h|d|w|y)")) {
            return Optional.of(FOREVER);
        }
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return Optional.empty();
            }
            total = total.plus(unit(Long.parseLong(m.group(1)), m.group(2)));
            end = m.end();
        }
        return end == t.length() && end > 0 ? Optional.of(total) : Optional.empty();
    }

    private static Duration unit(long n, String unit) {
        return switch (unit) {
            case "ns" -> Duration.ofNanos(n);
            case "us", "µs" -> Duration.ofNanos(n * 1000);
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            case "w" -> Duration.ofDays(7 * n);
            case "mo" -> Duration.ofDays(30 * n);
            default -> Duration.ofDays(365 * n);
        };
    }

    /** {@code 30 days}, {@code 2 years}. */
    static String describe(Duration d) {
        long days = d.toDays();
        return days >= 365 && days % 365 == 0 ? days / 365 + (days == 365 ? " year" : " years")
                : days >= 1 ? days + (days == 1 ? " day" : " days") : d.toHours() + " hours";
    }
}
