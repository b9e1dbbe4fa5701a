package io.piha.mqtt.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.mqtt.DecodeError.Kind;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reads the fields of one JSON object payload, refusing with a {@link Refusal} that names the field and
 * value. Unknown fields are left alone (contract v1: they must be ignored).
 */
public final class JsonFields {

    /** Shared, thread-safe once configured; duplicate keys are refused rather than silently merged. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonNode node;
    private final Instant now;
    private final Duration skew;

    private JsonFields(JsonNode node, Instant now, Duration skew) {
        this.node = node;
        this.now = now;
        this.skew = skew;
    }

    /** Parses a JSON object, refusing anything else. */
    public static JsonFields parse(String text, Instant now, Duration skew) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Refusal(Kind.MALFORMED, "payload", text, "not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new Refusal(Kind.MALFORMED, "payload", text, "expected a JSON object");
        }
        return new JsonFields(node, now, skew);
    }

    /** The underlying object, for the fields kept as details. */
    public JsonNode node() {
        return node;
    }

    /** A required string. */
    public String text(String field) {
        return optionalText(field).orElseThrow(() -> missing(field));
    }

    /** An optional string; JSON null counts as absent. */
    public Optional<String> optionalText(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new Refusal(Kind.WRONG_TYPE, field, v.toString(), field + " must be a string");
        }
        return Optional.of(v.textValue());
    }

    /** A required host id. */
    public HostId host(String field) {
        return optionalHost(field).orElseThrow(() -> missing(field));
    }

    /** An optional host id. */
    public Optional<HostId> optionalHost(String field) {
        return optionalText(field).map(v -> {
            try {
                return HostId.of(v);
            } catch (IllegalArgumentException e) {
                throw new Refusal(Kind.INVALID_VALUE, field, v, e.getMessage());
            }
        });
    }

    /** A required epoch. */
    public Epoch epoch(String field) {
        return optionalEpoch(field).orElseThrow(() -> missing(field));
    }

    /** An optional epoch: a non-negative integer. */
    public Optional<Epoch> optionalEpoch(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new Refusal(Kind.WRONG_TYPE, field, v.toString(), field + " must be an integer");
        }
        if (v.longValue() < 0) {
            throw new Refusal(Kind.INVALID_VALUE, field, v.toString(), field + " must not be negative");
        }
        return Optional.of(Epoch.of(v.longValue()));
    }

    /** An optional non-negative number of seconds. */
    public Optional<Duration> optionalSeconds(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isNumber()) {
            throw new Refusal(Kind.WRONG_TYPE, field, v.toString(), field + " must be a number of seconds");
        }
        double seconds = v.doubleValue();
        if (!(seconds >= 0) || seconds > 1e12) {
            throw new Refusal(Kind.INVALID_VALUE, field, v.toString(), field + " must be 0 or more seconds");
        }
        return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /**
     * A required timestamp, whatever clock wrote it: order comes from epochs and ids, so a stamp from a clock ahead
     * or behind is reported by the reader, never refused.
     */
    public Instant instant(String field) {
        return optionalDeadline(field).orElseThrow(() -> missing(field));
    }

    /** An optional whole number of milliseconds, zero or more. */
    public Optional<Duration> optionalMillis(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new Refusal(Kind.WRONG_TYPE, field, v.toString(), field + " must be a whole number of milliseconds");
        }
        return Optional.of(Duration.ofMillis(v.longValue()));
    }

    /** A required timestamp, not in the future beyond the tolerated skew. */
    public Instant timestamp(String field) {
        return optionalTimestamp(field).orElseThrow(() -> missing(field));
    }

    /** An optional timestamp, not in the future beyond the tolerated skew. */
    public Optional<Instant> optionalTimestamp(String field) {
        return optionalText(field).map(v -> {
            Instant t = instant(field, v);
            if (t.isAfter(now.plus(skew))) {
                throw new Refusal(Kind.BAD_TIMESTAMP, field, v, field + " is " + Duration.between(now, t)
                        .toMillis() + " ms in the future (tolerated skew " + skew.toMillis() + " ms)");
            }
            return t;
        });
    }

    /** An optional timestamp that may lie in the future (an expiry). */
    public Optional<Instant> optionalDeadline(String field) {
        return optionalText(field).map(v -> instant(field, v));
    }

    /** Parses ISO-8601 with an offset; refuses local date-times, which cannot be compared as instants. */
    static Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            if (isLocalDateTime(text)) {
                throw new Refusal(Kind.BAD_TIMESTAMP, field, text, field
                        + " has no UTC offset: publish now().isoformat() or append Z");
            }
            throw new Refusal(Kind.BAD_TIMESTAMP, field, text, field + " is not an ISO-8601 timestamp");
        }
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static Refusal missing(String field) {
        return new Refusal(Kind.MISSING_FIELD, field, "", field + " is required");
    }
}
