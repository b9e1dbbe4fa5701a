package io.piha.web.internal;

import io.piha.api.inventory.MacAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Parsers of form fields that the value types do not cover: choices by id, lists of lines, key=value lines. */
final class Fields {

    private Fields() {
    }

    /** A site chosen in a select. */
    static UUID requiredSite(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("choose a site");
        }
        return id(value);
    }

    /** An optional choice: empty for none. */
    static Optional<UUID> optionalId(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(id(value));
    }

    private static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not one of the choices");
        }
    }

    /** MAC addresses, one per line (or separated by spaces or commas), each checked by {@link MacAddress}. */
    static List<MacAddress> macs(String text) {
        List<MacAddress> out = new ArrayList<>();
        for (String part : text.split("[\\s,]+")) {
            if (!part.isBlank()) {
                MacAddress mac = MacAddress.parse(part);
                if (out.contains(mac)) {
                    throw new IllegalArgumentException("MAC address " + mac + " is listed twice");
                }
                out.add(mac);
            }
        }
        return out;
    }

    /** {@code key=value} lines. */
    static Map<String, String> metadata(String text) {
        Map<String, String> out = new TreeMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + line.strip() + "' is not key=value");
            }
            out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return out;
    }

    /** Metadata as {@code key=value} lines, sorted. */
    static String metadataText(Map<String, String> metadata) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(metadata).forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }
}
