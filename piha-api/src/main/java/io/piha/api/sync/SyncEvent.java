package io.piha.api.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * One sync attempt as published to listeners (the MQTT adapter, the status page).
 *
 * @param at when the attempt ended
 * @param actor who caused it: {@code scheduler}, or the operator of a forced sync
 * @param outcome what it did
 * @since 0.1
 */
public record SyncEvent(Instant at, String actor, SyncOutcome outcome) {

    /**
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the actor is blank
     */
    public SyncEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(outcome, "outcome");
        if (actor.isBlank()) {
            throw new IllegalArgumentException("a sync event needs an actor, was blank");
        }
    }
}
