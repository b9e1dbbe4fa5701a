package io.piha.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One MQTT publication as the codec produces it: topic, payload, retain flag and, for heartbeats, an
 * MQTT 5 message expiry. Immutable; the payload is copied in and out.
 *
 * @param topic where to publish
 * @param payload the bytes
 * @param retained whether the broker keeps it for late subscribers
 * @param expiry MQTT 5 message expiry; ignored over MQTT 3.1.1
 * @since 0.1
 */
public record WireMessage(String topic, byte[] payload, boolean retained, Optional<Duration> expiry) {

    /** @throws NullPointerException if a component is null */
    public WireMessage {
        Objects.requireNonNull(topic, "topic");
        payload = Objects.requireNonNull(payload, "payload").clone();
        Objects.requireNonNull(expiry, "expiry");
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload as UTF-8 text. */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WireMessage w && topic.equals(w.topic) && retained == w.retained
                && expiry.equals(w.expiry) && java.util.Arrays.equals(payload, w.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, retained, expiry, java.util.Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "WireMessage[" + topic + (retained ? " retained" : "") + ": " + text() + "]";
    }
}
