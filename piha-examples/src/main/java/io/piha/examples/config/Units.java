package io.piha.examples.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations ({@code 90s}, {@code 5m}, {@code 1h30m}, {@code 500ms}, {@code 2d}, ISO {@code PT90S}) and sizes. */
final class Units {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kib|mib|gib|kb|mb|gb)?");

    private Units() {
    }

    /**
     * @throws IllegalArgumentException saying which forms are accepted
     */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt") || t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(DURATION_HINT);
            }
        }
        Matcher m = DURATION_PART.matcher(t);
        Duration total = Duration.ZERO;
        int at = 0;
        while (m.find() && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            at = m.end();
        }
        if (at == 0 || at != t.length()) {
            throw new IllegalArgumentException(DURATION_HINT);
        }
        return total;
    }

    static final String DURATION_HINT = "not a duration: write e.g. 90s, 5m, 1h30m, 500ms or 2d";

    /**
     * @throws IllegalArgumentException saying which forms are accepted
     */
    static long bytes(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: write e.g. 10MiB, 512KiB or 1048576");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "kib" -> n * 1024;
            case "mib" -> n * 1024 * 1024;
            case "gib" -> n * 1024 * 1024 * 1024;
            case "kb" -> n * 1000;
            case "mb" -> n * 1000 * 1000;
            case "gb" -> n * 1000 * 1000 * 1000;
            default -> n;
        };
    }
}
