package io.piha.sync;

import io.piha.api.sync.SyncFreeze;
import io.piha.sync.internal.FlatJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The retained freeze flag, {@code piha/leader/<service>/sync_freeze}, as text. Reads the seed's
 * {@code standby_sync_freeze} forms ({@code true}/{@code false}, also {@code on}/{@code off}/{@code 1}/
 * {@code 0}, any case) and a JSON object {@code {"frozen": true, "reason": "...", "by": "...", "since":
 * "...", "until": "..."}} whose fields are all optional; unknown fields are ignored. An empty payload (a
 * cleared retained message) means thawed, and so does a freeze without {@code since} received after its
 * {@code until} (a retained flag outliving its end). Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class FreezeFlag {

    /** The reason given to a bare {@code true} flag. */
    public static final String DEFAULT_REASON = "standby_sync_freeze flag set";
    /** Who set a flag that does not say. */
    public static final String DEFAULT_BY = "mqtt";

    private FreezeFlag() {
    }

    /**
     * Reads a retained payload.
     *
     * @param payload the message text, possibly empty
     * @param receivedAt when it was received, the freeze's start when the payload gives none
     * @return the freeze, or empty when the flag says thawed
     * @throws FreezeFlagException naming the payload if it is none of the accepted forms
     */
    public static Optional<SyncFreeze> parse(String payload, Instant receivedAt) {
        String text = payload.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!text.startsWith("{")) {
            return word(text) ? Optional.of(new SyncFreeze(DEFAULT_REASON, DEFAULT_BY, receivedAt, Optional.empty()))
                    : Optional.empty();
        }
        Map<String, Object> json;
        try {
            json = FlatJson.parseObject(text);
        } catch (IllegalArgumentException e) {
            throw new FreezeFlagException("freeze flag '" + payload + "' is not a flat JSON object: "
                    + e.getMessage(), e);
        }
        Object frozen = json.getOrDefault("frozen", Boolean.TRUE);
        if (!(frozen instanceof Boolean)) {
            throw new FreezeFlagException("freeze flag '" + payload + "': \"frozen\" must be true or false", null);
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
        } catch (FreezeFlagException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new FreezeFlagException("freeze flag '" + payload + "': " + e.getMessage(), e);
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

    private static boolean word(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw new FreezeFlagException("freeze flag '" + text
                    + "' is none of true/false/on/off/1/0 nor a JSON object", null);
        };
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
            throw new FreezeFlagException("freeze flag '" + payload + "': \"" + field + "\" value '" + v
                    + "' is not an ISO-8601 time with offset, e.g. 2026-05-01T18:00:00+02:00", e);
        }
    }
}
