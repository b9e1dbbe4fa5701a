package io.piha.api.leadership;

import java.util.concurrent.CompletionStage;

/**
 * The port to the leadership contract's transport: publish and subscribe the messages of one or more
 * services. Implementations must be thread-safe.
 *
 * <p>Delivery is at-least-once: listeners must tolerate duplicates and reordering, which is why every
 * decision in {@code piha-core} checks epochs and timestamps rather than trusting arrival order.
 *
 * @since 0.1
 */
public interface LeadershipBus extends AutoCloseable {

    /**
     * Publishes a message; state, heartbeat and lease are retained.
     *
     * @return completes when the transport has accepted the message (for MQTT: the QoS 1 acknowledgement),
     *     or exceptionally with a {@link LeadershipBusException}
     */
    CompletionStage<Void> publish(LeadershipMessage message);

    /**
     * Subscribes to every message of a service, retained ones first.
     *
     * @return a handle that ends the subscription
     */
    Subscription subscribe(ServiceName service, LeadershipListener listener);

    /** Disconnects; pending publications may be lost. Idempotent. */
    @Override
    void close();

    /** A running subscription. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        /** Ends the subscription. Idempotent. */
        @Override
        void close();
    }
}
