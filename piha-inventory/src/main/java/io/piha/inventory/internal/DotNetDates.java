package io.piha.inventory.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date form .NET's JSON serialisers write, which HomeSeer's JSON API and Windows PowerShell 5.1's
 * {@code ConvertTo-Json} both send: {@code /Date(1410193983884)/}, optionally with an offset such as
 * {@code /Date(1595133858051-0600)/} (the offset is informational: the milliseconds are already UTC), and
 * with the slashes escaped in the JSON text ({@code "\/Date(...)\/"}). {@code DateTime.MinValue}, .NET's
 * "never" (a device whose status never changed), arrives as a large negative number shifted by the server's
 * time zone, e.g. {@code /Date(-62135596800000)/}: it is read as no date. Stateless and thread-safe.
 */
public final class DotNetDates {

    private static final Pattern DOTNET = Pattern.compile("/?Date\\((-?\\d+)([+-]\\d{4})?\\)/?");
    // 0001-01-01T00:00:00Z, .NET's DateTime.MinValue, plus the widest time zone offset (14 hours)
    private static final long NEVER_UNTIL = -62_135_596_800_000L + 14 * 3_600_000L;

    private DotNetDates() {
    }

    /** Whether the text has the {@code /Date(ms)/} form. */
    public static boolean matches(String text) {
        return text != null && DOTNET.matcher(text.strip().replace("\\/", "/")).matches();
    }

    /**
     * The instant a {@code /Date(ms)/} text names; empty for .NET's {@code DateTime.MinValue} ("never").
     *
     * @throws IllegalArgumentException quoting the text if it does not have that form
     */
    public static Optional<Instant> parse(String text) {
        Matcher m = DOTNET.matcher(text == null ? "" : text.strip().replace("\\/", "/"));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a /Date(milliseconds)/ time");
        }
        long ms;
        try {
            ms = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is out of range for a time", e);
        }
        return ms <= NEVER_UNTIL ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
    }
}
