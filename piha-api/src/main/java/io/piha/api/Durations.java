package io.piha.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way durations are written in PiHA, in configuration files and on every command line: a number and a
 * unit ({@code 500ms}, {@code 90s}, {@code 10m}, {@code 24h}, {@code 2d}), parts in falling order
 * ({@code 1h30m}), or ISO-8601 ({@code PT10M}, {@code P2D}). No sign: a negative duration cannot be written.
 * Also formats durations for people. Thread-safe.
 *
 * @since 0.1
 */
public final class Durations {

    /** What the grammar accepts, for error messages and help texts. */
    public static final String FORMS = "e.g. 500ms, 90s, 10m, 1h30m, 24h, 2d or ISO-8601 PT10M";

    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
    private static final String[] ORDER = {"d", "h", "m", "s", "ms"};

    private Durations() {
    }

    /**
     * Reads a duration.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms if it is not a duration
     */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return iso(text, t);
        }
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int at = 0;
        int lastUnit = -1;
        while (at < t.length() && m.find(at) && m.start() == at) {
            int unit = java.util.Arrays.asList(ORDER).indexOf(m.group(2));
            if (unit <= lastUnit) {
                throw invalid(text);
            }
            total = total.plus(of(Long.parseLong(m.group(1)), m.group(2)));
            lastUnit = unit;
            at = m.end();
        }
        if (at == 0 || at != t.length()) {
            throw invalid(text);
        }
        return total;
    }

    /**
     * Reads a duration that must be longer than zero.
     *
     * @throws IllegalArgumentException naming the text if it is not a duration or is zero
     */
    public static Duration parsePositive(String text) {
        Duration d = parse(text);
        if (d.isZero()) {
            throw new IllegalArgumentException("'" + text + "' must be longer than zero");
        }
        return d;
    }

    /**
     * A duration for people, in its largest exact units: {@code 250 ms}, {@code 1.5 s}, {@code 90 s},
     * {@code 10 min}, {@code 1 h 30 min}, {@code 2 d}.
     */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return d.toMillis() + " ms";
        }
        if (d.compareTo(Duration.ofSeconds(10)) < 0 && d.toMillisPart() != 0) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        if (d.compareTo(Duration.ofMinutes(2)) < 0 || d.toSecondsPart() != 0) {
            return d.toSeconds() + " s";
        }
        StringBuilder out = new StringBuilder();
        append(out, d.toDaysPart(), "d");
        append(out, d.toHoursPart(), "h");
        append(out, d.toMinutesPart(), "min");
        return out.toString();
    }

    private static void append(StringBuilder out, long n, String unit) {
        if (n != 0) {
            out.append(out.length() == 0 ? "" : " ").append(n).append(' ').append(unit);
        }
    }

    private static Duration iso(String original, String lower) {
        try {
            Duration d = Duration.parse(lower.toUpperCase(Locale.ROOT));
            if (d.isNegative()) {
                throw invalid(original);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw invalid(original);
        }
    }

    private static Duration of(long n, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration: write " + FORMS);
    }
}
