package io.piha.http.status;

import io.piha.api.alert.Severity;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which recent events to show: those naming a host, and those at or above a severity. From the query of a status
 * request: {@code ?host=haos-primary&severity=warning}; other parameters are ignored.
 *
 * @param host show only events naming this host
 * @param atLeast show only events of this severity or higher
 * @since 0.1
 */
public record EventFilter(Optional<String> host, Optional<Severity> atLeast) {

    /** Every event. */
    public static final EventFilter ALL = new EventFilter(Optional.empty(), Optional.empty());

    /** @throws NullPointerException if a component is null */
    public EventFilter {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(atLeast, "atLeast");
    }

    /**
     * The filter a query string asks for.
     *
     * @param rawQuery the URI's raw query, or null
     * @throws IllegalArgumentException naming the parameter and its value if a severity is unknown or a host blank
     */
    public static EventFilter parse(String rawQuery) {
        EventFilter filter = ALL;
        if (rawQuery == null || rawQuery.isEmpty()) {
            return filter;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name.equals("host")) {
                if (value.isBlank()) {
                    throw new IllegalArgumentException("host= needs a host id, e.g. host=haos-primary");
                }
                filter = new EventFilter(Optional.of(value), filter.atLeast());
            } else if (name.equals("severity")) {
                filter = new EventFilter(filter.host(), Optional.of(severity(value)));
            }
        }
        return filter;
    }

    private static Severity severity(String value) {
        try {
            return Severity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("severity '" + value + "' is not one of " + Arrays.stream(Severity.values())
                    .map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")), e);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Whether the event is shown. */
    public boolean matches(RecentEvent event) {
        return host.map(event.hosts()::contains).orElse(true)
                && atLeast.map(min -> event.severity().compareTo(min) >= 0).orElse(true);
    }

    /** The query string that asks for this filter, e.g. {@code ?severity=warning}; empty for {@link #ALL}. */
    public String query() {
        String q = host.map(h -> "host=" + java.net.URLEncoder.encode(h, StandardCharsets.UTF_8)).orElse("");
        String s = atLeast.map(sev -> "severity=" + sev.name().toLowerCase(Locale.ROOT)).orElse("");
        String both = q.isEmpty() || s.isEmpty() ? q + s : q + "&" + s;
        return both.isEmpty() ? "" : "?" + both;
    }
}
