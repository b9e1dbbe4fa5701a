package io.piha.inventory.scan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.piha.api.inventory.InventoryException;
import io.piha.inventory.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads scan JSON as a stream, one result at a time: a file of 100,000 results is never one tree in memory, and
 * each result's text is kept as two offsets into the file rather than a copy, for the rejections that quote it.
 */
final class ScanJson {

    private static final Set<String> ROW_FIELDS = Set.of("ip", "mac", "hostname", "vendor", "timestamp");

    private ScanJson() {
    }

    static ScanFile parse(String text, Instant fallbackTime, String name) {
        ScanRows rows = new ScanRows(ScanFile.Format.JSON);
        List<int[]> spans = new ArrayList<>();
        String scannedAt = null;
        try (JsonParser p = Json.MAPPER.createParser(text)) {
            JsonToken root = p.nextToken();
            if (root == JsonToken.START_ARRAY) {
                results(p, text, rows, spans);
            } else if (root == JsonToken.START_OBJECT) {
                scannedAt = object(p, text, rows, spans, name);
            } else {
                throw shape(name);
            }
        } catch (JsonProcessingException e) {
            throw new InventoryException("scan file " + name + " is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scan file " + name, e);
        }
        Instant fileTime = fallbackTime;
        if (scannedAt != null) {
            String at = scannedAt;
            try {
                fileTime = ScanRows.time(at);
            } catch (IllegalArgumentException e) {
                throw new InventoryException("scan file " + name + ": scanned_at " + e.getMessage());
            }
        }
        return rows.finish(fileTime, row -> text.substring(spans.get(row - 1)[0], spans.get(row - 1)[1]));
    }

    /** The fields of a root object: {@code scanned_at} and {@code devices}, or the fields of one bare result. */
    private static String object(JsonParser p, String text, ScanRows rows, List<int[]> spans, String name)
            throws IOException {
        String scannedAt = null;
        boolean devices = false;
        boolean bareRow = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("devices") && value == JsonToken.START_ARRAY) {
                devices = true;
                results(p, text, rows, spans);
            } else if (field.equals("scanned_at") && value != JsonToken.VALUE_NULL) {
                scannedAt = p.getValueAsString();
            } else {
                bareRow |= ROW_FIELDS.contains(field);
                p.skipChildren();
            }
        }
        if (!devices && bareRow) {
            // Windows PowerShell 5.1 writes a one-element list as the element itself
            spans.add(new int[] {0, text.length()});
            row(rows, 1, Json.MAPPER.readTree(text), text::strip);
        } else if (!devices) {
            throw shape(name);
        }
        return devices ? scannedAt : null;
    }

    /** The elements of an array, the parser on its start. */
    private static void results(JsonParser p, String text, ScanRows rows, List<int[]> spans) throws IOException {
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int start = (int) p.currentTokenLocation().getCharOffset();
            JsonNode node = p.readValueAsTree();
            int end = (int) p.currentLocation().getCharOffset();
            spans.add(new int[] {start, end});
            row(rows, spans.size(), node, () -> text.substring(start, end));
        }
    }

    private static void row(ScanRows rows, int n, JsonNode node, Supplier<String> raw) {
        if (node == null || !node.isObject()) {
            rows.refuse(n, raw.get(), "expected an object with ip and mac", raw.get());
            return;
        }
        rows.add(n, text(node, "mac"), text(node, "ip"), text(node, "hostname"), text(node, "vendor"),
                text(node, "timestamp"), raw);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static InventoryException shape(String name) {
        return new InventoryException("scan file " + name + ": expected a JSON array of results, or an object with"
                + " a \"devices\" array");
    }
}
