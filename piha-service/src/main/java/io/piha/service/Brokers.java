package io.piha.service;

import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import io.piha.service.config.BrokerConfig;
import io.piha.mqtt.MqttBusConfig;
import io.piha.api.Secret;
import java.util.List;
import java.util.Optional;

/** Turns the YAML broker section into the MQTT bus configuration. */
final class Brokers {

    private Brokers() {
    }

    static MqttBusConfig busConfig(BrokerConfig b, List<ServiceName> services, Optional<HostId> agent) {
        MqttBusConfig.Builder builder = MqttBusConfig.custom().broker(b.host(), b.port()).clientId(b.clientId())
                .topicPrefix(b.topicPrefix()).services(services.toArray(ServiceName[]::new));
        b.username().ifPresent(u -> builder.credentials(u, Secret.of(b.password().map(p -> p.reveal()).orElse(""))));
        if (b.tls()) {
            b.caCertificate().ifPresentOrElse(builder::tls, builder::tls);
        }
        b.signingKey().ifPresent(k -> {
            if (b.requireSignedCommands()) {
                builder.requireSignedCommands(Secret.of(k.reveal()));
            } else {
                builder.signCommands(Secret.of(k.reveal()));
            }
        });
        agent.ifPresent(builder::agentHost);
        return builder.build();
    }
}
