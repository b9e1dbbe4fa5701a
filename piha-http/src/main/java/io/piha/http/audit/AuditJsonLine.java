package io.piha.http.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.piha.api.audit.AuditEntry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One audit entry as one line of JSON: {@code {"ts":..., "actor":..., "action":..., "subject":...,
 * "outcome":"accepted", "reason":..., "details":{...}}}. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class AuditJsonLine {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditJsonLine() {
    }

    /** The entry as a single line of JSON, without the line break. */
    public static String format(AuditEntry entry) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("ts", entry.timestamp().toString())
                .put("actor", entry.actor())
                .put("action", entry.action())
                .put("subject", entry.subject())
                .put("outcome", entry.outcome().name().toLowerCase(Locale.ROOT))
                .put("reason", entry.reason());
        ObjectNode details = json.putObject("details");
        entry.details().forEach(details::put);
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot format audit entry " + entry.action(), e);
        }
    }

    /**
     * Parses a line written by {@link #format(AuditEntry)}.
     *
     * @throws IllegalArgumentException naming the line if it is not such an entry
     */
    public static AuditEntry parse(String line) {
        try {
            JsonNode json = MAPPER.readTree(line);
            Map<String, String> details = new LinkedHashMap<>();
            json.path("details").fields().forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
            return new AuditEntry(Instant.parse(text(json, "ts")), text(json, "actor"), text(json, "action"),
                    text(json, "subject"),
                    AuditEntry.Outcome.valueOf(text(json, "outcome").toUpperCase(Locale.ROOT)),
                    text(json, "reason"), details);
        } catch (JsonProcessingException | DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("not an audit line: " + line, e);
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("audit line lacks '" + field + "'");
        }
        return value.asText();
    }
}
