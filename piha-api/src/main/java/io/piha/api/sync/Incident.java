package io.piha.api.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that went wrong in the estate, as recorded by the control plane. An incident restarts the
 * observation window of every primary commit made before it: a configuration is trusted only after it has
 * run a full window without trouble.
 *
 * @param kind what happened
 * @param at when it happened
 * @param source who saw it, e.g. {@code control-plane} or an operator
 * @param detail one sentence naming host and service
 * @since 0.1
 */
public record Incident(IncidentKind kind, Instant at, String source, String detail) {

    /**
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the source is blank
     */
    public Incident {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detail, "detail");
        if (source.isBlank()) {
            throw new IllegalArgumentException("an incident needs a source, was blank");
        }
    }
}
