package io.piha.service.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes ({@code 10MiB}, {@code 512KiB}, {@code 1048576}); durations are {@link io.piha.api.Durations}'. */
final class Units {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kib|mib|gib|kb|mb|gb)?");

    private Units() {
    }

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
