package io.piha.mqtt;

import java.util.Objects;

/**
 * Why an inbound message was refused, naming the topic, the field and the bad value.
 *
 * @param kind the kind of failure, stable for alerting
 * @param topic where the message arrived
 * @param field the JSON field or part at fault, e.g. {@code ts}, {@code host_id}, {@code payload}
 * @param value the offending value, shortened to 80 characters (never a signature)
 * @param reason one sentence for a person
 * @since 0.1
 */
public record DecodeError(Kind kind, String topic, String field, String value, String reason) {

    /** The kinds of refusal. */
    public enum Kind {
        /** Larger than the configured maximum (64 KiB by default). */
        TOO_LARGE,
        /** Not UTF-8, not JSON, or not a JSON object. */
        MALFORMED,
        /** A required field is absent. */
        MISSING_FIELD,
        /** A field has the wrong JSON type. */
        WRONG_TYPE,
        /** A field has a value outside its domain: unknown command or state, negative epoch, bad host id. */
        INVALID_VALUE,
        /** A timestamp without UTC offset, unparsable, or in the future beyond the tolerated skew. */
        BAD_TIMESTAMP,
        /** A command past its expiry. */
        EXPIRED,
        /** Signing is required and the command carries no signature. */
        UNSIGNED,
        /** The command's signature does not match. */
        BAD_SIGNATURE,
        /** The command id was already seen, or its issue time is outside the replay window. */
        REPLAYED
    }

    /** @throws NullPointerException if a component is null */
    public DecodeError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        value = value.length() > 80 ? value.substring(0, 77) + "..." : value;
    }

    /** Whether this refusal concerns command authenticity (unsigned, forged or replayed). */
    public boolean isSecurityRelevant() {
        return kind == Kind.UNSIGNED || kind == Kind.BAD_SIGNATURE || kind == Kind.REPLAYED;
    }

    /** A one-line description, e.g. {@code BAD_TIMESTAMP ts='2025-10-05T22:15:00': no UTC offset}. */
    public String describe() {
        return kind + " " + field + "='" + value + "' on " + topic + ": " + reason;
    }
}
