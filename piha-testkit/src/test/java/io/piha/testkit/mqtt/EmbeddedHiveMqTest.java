package io.piha.testkit.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The two storage modes of the embedded broker, seen through a retained message and a restart. */
class EmbeddedHiveMqTest {

    @Test
    void aBrokerOnDiskKeepsARetainedMessageAcrossARestart() throws Exception {
        try (EmbeddedHiveMq broker = EmbeddedHiveMq.start()) {
            retain(broker, "kept");
            broker.restart(false);

            assertThat(retained(broker)).contains("kept");
        }
    }

    @Test
    void anInMemoryBrokerServesRetainedMessagesAndForgetsThemOnRestart() throws Exception {
        try (EmbeddedHiveMq broker = EmbeddedHiveMq.startInMemory()) {
            retain(broker, "in memory");
            assertThat(retained(broker)).contains("in memory");

            broker.restart(false);

            assertThat(retained(broker)).isEmpty();
        }
    }

    private static void retain(TestBroker broker, String text) {
        Mqtt5BlockingClient c = client(broker);
        c.publishWith().topic("piha/test").payload(text.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE)
                .retain(true).send();
        c.disconnect();
    }

    private static Optional<String> retained(TestBroker broker) throws InterruptedException {
        Mqtt5BlockingClient c = client(broker);
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = c.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL)) {
            c.subscribeWith().topicFilter("piha/test").qos(MqttQos.AT_LEAST_ONCE).send();
            Optional<Mqtt5Publish> p = publishes.receive(2, TimeUnit.SECONDS);
            return p.map(m -> new String(m.getPayloadAsBytes(), StandardCharsets.UTF_8));
        } finally {
            c.disconnect();
        }
    }

    private static Mqtt5BlockingClient client(TestBroker broker) {
        Mqtt5BlockingClient c = Mqtt5Client.builder().serverHost(broker.host()).serverPort(broker.port()).buildBlocking();
        c.connect();
        return c;
    }
}
