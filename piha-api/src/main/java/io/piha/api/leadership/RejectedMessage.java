package io.piha.api.leadership;

import java.time.Instant;
import java.util.Objects;

/**
 * An inbound message the bus could not accept (malformed, unknown command, bad signature, replay...).
 * The listener keeps running; the rejection is reported so that it can be alerted and audited.
 *
 * @param topic where it arrived
 * @param reason why it was refused, naming the bad value
 * @param excerpt the start of the payload, for diagnosis (never a secret: signatures are not included)
 * @param receivedAt when it arrived
 * @since 0.1
 */
public record RejectedMessage(String topic, String reason, String excerpt, Instant receivedAt) {

    /** @throws NullPointerException if any component is null */
    public RejectedMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
