package io.piha.mqtt.internal;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import io.piha.mqtt.MqttBusConfig;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** What every transport's client shares, whatever the MQTT version: identity, broker, TLS, reconnect. */
final class ClientBuilders {

    private ClientBuilders() {
    }

    static MqttClientBuilder common(MqttBusConfig config, Transport.Lifecycle lifecycle) {
        AtomicBoolean everConnected = new AtomicBoolean();
        MqttClientBuilder b = MqttClient.builder()
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
        return config.tls() ? b.sslConfig(Tls.sslConfig(config)) : b;
    }
}
