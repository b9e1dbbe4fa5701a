package io.piha.mqtt.internal;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.WireMessage;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** MQTT 3.1.1 over the HiveMQ client, for brokers that do not speak 5; no broker-side expiry. */
final class Mqtt3Transport implements Transport {

    private final Mqtt3AsyncClient client;

    Mqtt3Transport(MqttBusConfig config, Optional<WireMessage> will, Lifecycle lifecycle) {
        Mqtt3ClientBuilder b = ClientBuilders.common(config, lifecycle).useMqttVersion3();
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
        return client.connectWith().cleanSession(true).send().thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<Void> publish(WireMessage m) {
        return client.publishWith().topic(m.topic()).payload(m.payload()).qos(MqttQos.AT_LEAST_ONCE)
                .retain(m.retained()).send().thenApply(p -> null);
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
        return "MQTT 3.1.1";
    }
}
