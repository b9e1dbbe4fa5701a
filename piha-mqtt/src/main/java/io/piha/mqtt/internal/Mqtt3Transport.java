package io.piha.mqtt.internal;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.WireMessage;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** MQTT 3.1.1 over the HiveMQ client, for brokers that do not speak 5; no broker-side expiry. */
final class Mqtt3Transport implements Transport {

    private final java.util.concurrent.atomic.AtomicBoolean everConnected =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final Mqtt3AsyncClient client;

    Mqtt3Transport(MqttBusConfig config, Optional<WireMessage> will, Lifecycle lifecycle) {
        Mqtt3ClientBuilder b = MqttClient.builder().useMqttVersion3()
                .identifier(config.clientId())
                .serverHost(config.host()).serverPort(config.port())
                .automaticReconnect()
                .initialDelay(config.reconnectInitialDelay().toMillis(), TimeUnit.MILLISECONDS)
                .maxDelay(config.reconnectMaxDelay().toMillis(), TimeUnit.MILLISECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(ctx -> {
                    everConnected.set(true);
                    lifecycle.connected();
                })
                .addDisconnectedListener(ctx -> {
                    if (!everConnected.get()) {
                        ctx.getReconnector().reconnect(false); // a failed first connect is the caller's to report
                    }
                    lifecycle.disconnected(ctx.getCause());
                });
        if (config.tls()) {
            b = b.sslConfig(Tls.sslConfig(config));
        }
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
