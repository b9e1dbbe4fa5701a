package io.piha.mqtt;

import io.piha.api.leadership.LeadershipMessage;
import java.util.Objects;

/**
 * What the codec made of an inbound publication: a message, a publication that is not for this bus
 * (discovery, a stale retained heartbeat), or a refusal.
 *
 * @since 0.1
 */
public sealed interface DecodeResult {

    /**
     * A valid message of the contract.
     *
     * @param message the message
     */
    record Decoded(LeadershipMessage message) implements DecodeResult {
        /** @throws NullPointerException if the message is null */
        public Decoded {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Not a leadership message for this bus, or one that must count as absent; nothing to alert.
     *
     * @param topic where it arrived
     * @param why why it is ignored, e.g. {@code outside the prefix}
     */
    record Ignored(String topic, String why) implements DecodeResult {
        /** @throws NullPointerException if a component is null */
        public Ignored {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * Refused: bad input, to be alerted; state must not change.
     *
     * @param error what is wrong
     */
    record Refused(DecodeError error) implements DecodeResult {
        /** @throws NullPointerException if the error is null */
        public Refused {
            Objects.requireNonNull(error, "error");
        }
    }
}
