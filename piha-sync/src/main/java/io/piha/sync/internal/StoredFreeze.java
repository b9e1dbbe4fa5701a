package io.piha.sync.internal;

import io.piha.api.sync.SyncFreeze;
import io.piha.sync.internal.FlatJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a freeze is kept in the repository, as the blob under {@code refs/piha/sync-freeze}: a flat JSON object
 * {@code {"frozen": true, "reason": "...", "by": "...", "since": "...", "until": "..."}}, or {@code false} when
 * thawed. The NAS service and the CLI share it through the repository. (The MQTT stored freeze is piha-mqtt's and
 * reaches config sync through {@link io.piha.api.sync.ConfigSync#freeze}.) Stateless and thread-safe.
 */
public final class StoredFreeze {

    /** The reason given to a stored freeze that has none. */
    public static final String DEFAULT_REASON = "frozen";
    /** Who set a stored freeze that does not say. */
    public static final String DEFAULT_BY = "unknown";

    private StoredFreeze() {
    }

    /**
     * Reads a retained payload.
     *
     * @param payload the message text, possibly empty
     * @param receivedAt when it was received, the freeze's start when the payload gives none
     * @return the freeze, or empty when the flag says thawed
     * @throws StoredFreezeException naming the payload if it is none of the accepted forms
     */
    public static Optional<SyncFreeze> parse(String payload, Instant receivedAt) {
        String text = payload.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.equals("false")) {
            return Optional.empty();
        }
        if (!text.startsWith("{")) {
            throw new StoredFreezeException("stored freeze '" + payload + "' is not a JSON object", null);
        }
        Map<String, Object> json;
        try {
            json = FlatJson.parseObject(text);
        } catch (IllegalArgumentException e) {
            throw new StoredFreezeException("stored freeze '" + payload + "' is not a flat JSON object: "
                    + e.getMessage(), e);
        }
        Object frozen = json.getOrDefault("frozen", Boolean.TRUE);
        if (!(frozen instanceof Boolean)) {
            throw new StoredFreezeException("stored freeze '" + payload + "': \"frozen\" must be true or false", null);
        }
        if (!(Boolean) frozen) {
            return Optional.empty();
        }
        try {
            Optional<Instant> given = instant(json, "since", payload);
            Optional<Instant> until = instant(json, "until", payload);
            if (given.isEmpty() && until.isPresent() && !until.get().isAfter(receivedAt)) {
                return Optional.empty(); // a retained freeze received after its end is over
            }
            return Optional.of(new SyncFreeze(text(json, "reason", DEFAULT_REASON), text(json, "by", DEFAULT_BY),
                    given.orElse(receivedAt), until));
        } catch (StoredFreezeException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new StoredFreezeException("stored freeze '" + payload + "': " + e.getMessage(), e);
        }
    }

    /**
     * Writes the payload to retain for {@code freeze}, or {@code false} for thawed.
     *
     * @param freeze the freeze in force, or empty
     * @return the retained payload
     */
    public static String format(Optional<SyncFreeze> freeze) {
        if (freeze.isEmpty()) {
            return "false";
        }
        SyncFreeze f = freeze.get();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("frozen", true);
        json.put("reason", f.reason());
        json.put("by", f.by());
        json.put("since", f.since().toString());
        f.until().ifPresent(u -> json.put("until", u.toString()));
        return FlatJson.write(json);
    }

    private static String text(Map<String, Object> json, String field, String otherwise) {
        Object v = json.get(field);
        return v instanceof String s && !s.isBlank() ? s : otherwise;
    }

    private static Optional<Instant> instant(Map<String, Object> json, String field, String payload) {
        Object v = json.get(field);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(String.valueOf(v)).toInstant());
        } catch (DateTimeParseException e) {
            throw new StoredFreezeException("stored freeze '" + payload + "': \"" + field + "\" value '" + v
                    + "' is not an ISO-8601 time with offset, e.g. 2026-05-01T18:00:00+02:00", e);
        }
    }
}
