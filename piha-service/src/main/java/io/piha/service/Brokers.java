package io.piha.service;

import io.piha.api.leadership.ContractTimings;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import io.piha.service.config.BrokerConfig;
import io.piha.mqtt.MqttBusConfig;
import java.util.List;
import java.util.Optional;

/** Turns the YAML broker section into the MQTT bus configuration. */
final class Brokers {

    private Brokers() {
    }

    static MqttBusConfig busConfig(BrokerConfig b, ContractTimings contract, List<ServiceName> services,
                                   Optional<HostId> agent) {
        MqttBusConfig.Builder builder = MqttBusConfig.custom().broker(b.host(), b.port()).clientId(b.clientId())
                .topicPrefix(b.topicPrefix()).services(services.toArray(ServiceName[]::new)).contract(contract);
        b.username().ifPresent(u -> builder.credentials(u, b.password().orElseThrow(() -> new IllegalArgumentException(
                "broker.password is required when broker.username is given"))));
        if (b.tls()) {
            b.caCertificate().ifPresentOrElse(builder::tls, builder::tls);
        }
        b.signingKey().ifPresent(k -> {
            if (b.requireSignedCommands()) {
                builder.requireSignedCommands(k);
            } else {
                builder.signCommands(k);
            }
        });
        agent.ifPresent(builder::agentHost);
        return builder.build();
    }
}
