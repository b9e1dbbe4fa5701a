package io.piha.service.e2e;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** What the broker retains on a topic now, as a late subscriber (Home Assistant after a restart) gets it. */
final class Retained {

    private final int port;

    Retained(int port) {
        this.port = port;
    }

    /** The retained payload of {@code topic}, if the broker holds one (waits 1 s for it). */
    Optional<String> read(String topic) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("late-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(port).buildBlocking();
        client.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = client.publishes(MqttGlobalPublishFilter.SUBSCRIBED)) {
            client.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
            Optional<Mqtt5Publish> p = publishes.receive(1, TimeUnit.SECONDS);
            return p.filter(Mqtt5Publish::isRetain).map(m -> new String(m.getPayloadAsBytes(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            client.disconnect();
        }
    }
}
