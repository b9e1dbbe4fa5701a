package io.piha.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.piha.testkit.mqtt.TestBroker;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A plain MQTT client that publishes bytes exactly as Home Assistant's {@code mqtt.publish} or
 * {@code mosquitto_pub} would: no codec, no SDK.
 */
final class RawClient implements AutoCloseable {

    private final Mqtt5BlockingClient client;

    RawClient(TestBroker broker) {
        client = MqttClient.builder().useMqttVersion5().identifier("raw-" + UUID.randomUUID())
                .serverHost(broker.host()).serverPort(broker.port()).buildBlocking();
        client.connect();
    }

    void publish(String topic, String payload, boolean retain) {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), retain);
    }

    void publish(String topic, byte[] payload, boolean retain) {
        client.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).retain(retain).send();
    }

    /** The first message on {@code topic}, retained or live, within 5 s. */
    Optional<String> receive(String topic) {
        return receivePublish(topic).map(m -> new String(m.getPayloadAsBytes(), StandardCharsets.UTF_8));
    }

    /** The first publication on {@code topic} with its MQTT 5 properties, within 5 s. */
    Optional<Mqtt5Publish> receivePublish(String topic) {
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = client.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.SUBSCRIBED)) {
            client.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
            Optional<Mqtt5Publish> p = publishes.receive(5, TimeUnit.SECONDS);
            client.unsubscribeWith().topicFilter(topic).send();
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Subscribes to {@code topic}, runs {@code then}, and returns the payloads received within {@code within}, at most {@code count}. */
    java.util.List<String> receive(String topic, int count, java.time.Duration within, Runnable then) {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = client.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.SUBSCRIBED)) {
            client.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
            then.run();
            long deadline = System.nanoTime() + within.toNanos();
            while (out.size() < count && System.nanoTime() < deadline) {
                publishes.receive(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)
                        .ifPresent(m -> out.add(new String(m.getPayloadAsBytes(), StandardCharsets.UTF_8)));
            }
            client.unsubscribeWith().topicFilter(topic).send();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    @Override
    public void close() {
        if (client.getState().isConnected()) {
            client.disconnect();
        }
    }
}
