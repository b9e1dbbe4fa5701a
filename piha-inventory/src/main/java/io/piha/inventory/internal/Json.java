package io.piha.inventory.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The one place metadata maps become {@code jsonb} text and back. */
public final class Json {

    /** Shared, thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Writes a string map as a JSON object with sorted keys, so equal maps give equal text. */
    public static String write(Map<String, String> map) {
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write metadata as JSON", e);
        }
    }

    /** Reads a JSON object, turning each value into its text. */
    public static Map<String, String> readMap(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> raw = MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
            Map<String, String> out = new LinkedHashMap<>();
            raw.forEach((k, v) -> out.put(k, v == null ? "" : String.valueOf(v)));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metadata is not a JSON object: " + json, e);
        }
    }
}
