package io.piha.inventory.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.MacAddress;
import io.piha.inventory.RowRejection;
import io.piha.inventory.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A network scan file: a JSON array of {@code {"ip", "mac", "hostname"?, "vendor"?, "timestamp"?}}, or an
 * object {@code {"scanned_at": ..., "devices": [...]}}. Rows are validated one by one; bad rows are rejected
 * with a reason and the others kept. A row without a timestamp takes the file's {@code scanned_at}, else the
 * file's modification time, so importing the same file twice gives the same data.
 *
 * @param rows the valid rows, in file order
 * @param rejected the refused rows
 * @since 0.1
 */
public record ScanFile(List<ScanRow> rows, List<RowRejection> rejected) {

    /** Copies the lists. */
    public ScanFile {
        rows = List.copyOf(rows);
        rejected = List.copyOf(rejected);
    }

    /**
     * Reads and validates a scan file.
     *
     * @throws InventoryException naming the file and position if it is not JSON of the expected shape
     * @throws UncheckedIOException naming the file if it cannot be read
     */
    public static ScanFile read(Path file) {
        try {
            return parse(Files.readString(file), Files.getLastModifiedTime(file).toInstant(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scan file " + file, e);
        }
    }

    /**
     * Validates scan JSON text.
     *
     * @param fallbackTime the time of rows that carry none (and of a file with no {@code scanned_at})
     * @param name the file's name, for messages
     * @throws InventoryException naming the position if the text is not JSON of the expected shape
     */
    public static ScanFile parse(String json, Instant fallbackTime, String name) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InventoryException("scan file " + name + " is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        }
        Instant fileTime = fallbackTime;
        JsonNode devices = root;
        if (root != null && root.isObject()) {
            devices = root.path("devices");
            if (root.hasNonNull("scanned_at")) {
                fileTime = time(root.get("scanned_at").asText()).orElseThrow(() -> new InventoryException(
                        "scan file " + name + ": scanned_at '" + root.get("scanned_at").asText()
                                + "' is not an ISO-8601 time"));
            }
        }
        if (devices == null || !devices.isArray()) {
            throw new InventoryException("scan file " + name + ": expected a JSON array of results, or an object"
                    + " with a \"devices\" array");
        }
        List<ScanRow> rows = new ArrayList<>(devices.size());
        List<RowRejection> rejected = new ArrayList<>();
        Map<MacAddress, Integer> firstRow = new HashMap<>();
        int n = 0;
        for (JsonNode node : devices) {
            n++;
            try {
                ScanRow row = row(n, node, fileTime);
                Integer first = firstRow.putIfAbsent(row.mac(), n);
                if (first != null) {
                    rejected.add(new RowRejection("row " + n, row.mac().value(),
                            "MAC already seen at row " + first + " of this scan"));
                } else {
                    rows.add(row);
                }
            } catch (IllegalArgumentException e) {
                rejected.add(new RowRejection("row " + n, node.toString(), e.getMessage()));
            }
        }
        return new ScanFile(rows, rejected);
    }

    private static ScanRow row(int n, JsonNode node, Instant fileTime) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected an object with ip and mac");
        }
        MacAddress mac = MacAddress.parse(required(node, "mac"));
        if (mac.isMulticast()) {
            throw new IllegalArgumentException("MAC " + mac + " is a multicast address, not a device");
        }
        IpAddress ip = IpAddress.parse(required(node, "ip"));
        Optional<String> hostname = optional(node, "hostname");
        if (hostname.isPresent() && (hostname.get().length() > 253 || hostname.get().chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("hostname '" + hostname.get() + "' is not a host name");
        }
        Optional<String> stamp = optional(node, "timestamp");
        Instant seen = stamp.isEmpty() ? fileTime : time(stamp.get()).orElseThrow(() ->
                new IllegalArgumentException("timestamp '" + stamp.get() + "' is not an ISO-8601 time"));
        return new ScanRow(n, mac, ip, hostname, optional(node, "vendor"), seen);
    }

    private static String required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v.asText();
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText().strip());
    }

    private static Optional<Instant> time(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
