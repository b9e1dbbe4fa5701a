package io.piha.mqtt.internal;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.WireMessage;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** MQTT 5 over the HiveMQ client: message expiry on heartbeats, reason codes in failures. */
final class Mqtt5Transport implements Transport {

    private final Mqtt5AsyncClient client;

    Mqtt5Transport(MqttBusConfig config, Optional<WireMessage> will, Lifecycle lifecycle) {
        Mqtt5ClientBuilder b = ClientBuilders.common(config, lifecycle).useMqttVersion5();
        if (config.username().isPresent()) {
            b = b.simpleAuth().username(config.username().get())
                    .password(config.password().map(p -> p.bytes()).orElse(new byte[0])).applySimpleAuth();
        }
        if (will.isPresent()) {
            WireMessage w = will.get();
            b = b.willPublish().topic(w.topic()).payload(w.payload()).qos(MqttQos.AT_LEAST_ONCE)
                    .retain(w.retained()).applyWillPublish();
        }
        client = b.buildAsync();
    }

    @Override
    public CompletableFuture<Void> connect() {
        return client.connectWith().cleanStart(true).send().thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<Void> publish(WireMessage m) {
        byte[] payload = m.payload();
        Mqtt5PublishBuilder.Complete p = Mqtt5Publish.builder().topic(m.topic()).payload(payload)
                .qos(MqttQos.AT_LEAST_ONCE).retain(m.retained());
        if (m.expiry().isPresent()) {
            p = p.messageExpiryInterval(Math.max(1, m.expiry().get().toSeconds()));
        }
        if (payload.length > 0) {
            p = p.contentType(payload[0] == '{' ? "application/json" : "text/plain");
        }
        return client.publish(p.build()).thenCompose(result -> result.getError()
                .<CompletableFuture<Void>>map(CompletableFuture::failedFuture)
                .orElse(CompletableFuture.completedFuture(null)));
    }

    @Override
    public CompletableFuture<Void> subscribe(String filter, Inbound handler) {
        return client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> handler.onPublish(p.getTopic().toString(), p.getPayloadAsBytes(), p.isRetain()))
                .send().thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<Void> unsubscribe(String filter) {
        return client.unsubscribeWith().topicFilter(filter).send().thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return client.disconnect();
    }

    @Override
    public boolean isConnected() {
        return client.getState().isConnected();
    }

    @Override
    public String protocol() {
        return "MQTT 5";
    }
}
