package io.piha.mqtt.internal;

import io.piha.mqtt.DecodeError;

/**
 * Unwinds a decode that met bad input; caught at the codec's edge and turned into a
 * {@link DecodeError}. Carries no stack trace: it is control flow, not a bug.
 */
public final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final DecodeError.Kind kind;
    private final String field;
    private final String value;

    /** A refusal of {@code field='value'} for {@code reason}. */
    public Refusal(DecodeError.Kind kind, String field, String value, String reason) {
        super(reason, null, false, false);
        this.kind = kind;
        this.field = field;
        this.value = value;
    }

    /** The refusal as a typed error on {@code topic}. */
    public DecodeError toError(String topic) {
        return new DecodeError(kind, topic, field, value, getMessage());
    }
}
