package io.piha.mqtt.internal;

import io.piha.mqtt.WireMessage;
import java.util.concurrent.CompletableFuture;

/**
 * One MQTT connection, whatever the protocol version: the bus speaks to this so that MQTT 5 and 3.1.1
 * differ in one place only. QoS 1 throughout.
 */
public interface Transport {

    /** Connects; reconnects on its own afterwards, with backoff, until {@link #disconnect()}. */
    CompletableFuture<Void> connect();

    /** Publishes at QoS 1; completes on the broker's acknowledgement. */
    CompletableFuture<Void> publish(WireMessage message);

    /** Subscribes at QoS 1; completes on the SUBACK. Retained messages follow. */
    CompletableFuture<Void> subscribe(String filter, Inbound handler);

    /** Ends a subscription. */
    CompletableFuture<Void> unsubscribe(String filter);

    /** Disconnects cleanly (no Last Will) and stops reconnecting. */
    CompletableFuture<Void> disconnect();

    /** Whether the connection is up now. */
    boolean isConnected();

    /** Which protocol this transport speaks, for logs. */
    String protocol();

    /** Receives publications, on the client's delivery thread. */
    @FunctionalInterface
    interface Inbound {
        /** One publication. */
        void onPublish(String topic, byte[] payload, boolean retained);
    }

    /** Called on every (re)connection and disconnection. */
    interface Lifecycle {
        /** The connection is up (first time or after a reconnect). */
        void connected();

        /** The connection went down; {@code cause} says why. */
        void disconnected(Throwable cause);
    }
}
