package io.piha.inventory.homeseer;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The .NET JSON date form HomeSeer uses: {@code /Date(1410193983884)/}, optionally with an offset suffix. */
final class HsDate {

    // The offset (e.g. -0500) is informational in .NET: the milliseconds are already UTC.
    private static final Pattern DOTNET = Pattern.compile("/?Date\\((-?\\d+)([+-]\\d{4})?\\)/?");

    private HsDate() {
    }

    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = DOTNET.matcher(text.strip().replace("\\/", "/"));
        if (!m.matches()) {
            throw new IllegalArgumentException("last_change '" + text + "' is not a /Date(ms)/ value");
        }
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(m.group(1))));
    }
}
