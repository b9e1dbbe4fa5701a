package io.piha.mqtt.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertCodes;
import io.piha.api.alert.AlertSink;
import io.piha.mqtt.WireMessage;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes alerts as JSON on the shared alert topic: {@code ts}, {@code code}, {@code severity},
 * {@code subject}, {@code message}, {@code details}. A code that contract v1 named differently
 * ({@link AlertCodes#v1Alias(String)}) is published a second time under its v1 name, with {@code alias_of}
 * naming the SDK's code, so automations listening for {@code haos_heartbeat_missed} keep working. Never throws:
 * a failed delivery is logged.
 */
final class MqttAlertChannel implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(MqttAlertChannel.class);

    private final String topic;
    private final Function<WireMessage, java.util.concurrent.CompletableFuture<Void>> publisher;

    MqttAlertChannel(String topic, Function<WireMessage, java.util.concurrent.CompletableFuture<Void>> publisher) {
        this.topic = topic;
        this.publisher = publisher;
    }

    @Override
    public void send(Alert alert) {
        publish(alert, alert.code(), Optional.empty());
        AlertCodes.v1Alias(alert.code()).ifPresent(v1 -> publish(alert, v1, Optional.of(alert.code())));
    }

    private void publish(Alert alert, String code, Optional<String> aliasOf) {
        try {
            ObjectNode o = JsonFields.MAPPER.createObjectNode();
            o.put("ts", alert.timestamp().toString());
            o.put("code", code);
            aliasOf.ifPresent(a -> o.put("alias_of", a));
            o.put("severity", alert.severity().name().toLowerCase(java.util.Locale.ROOT));
            o.put("subject", alert.subject());
            o.put("message", alert.message());
            ObjectNode details = o.putObject("details");
            alert.details().forEach(details::put);
            publisher.apply(new WireMessage(topic, JsonFields.MAPPER.writeValueAsBytes(o), false, Optional.empty()))
                    .whenComplete((ok, e) -> {
                        if (e != null) {
                            LOG.warn("alert {} about {} not delivered to {}: {}", alert.code(), alert.subject(),
                                    topic, e.toString());
                        }
                    });
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("alert {} about {} not delivered to {}: {}", alert.code(), alert.subject(), topic, e.toString());
        }
    }
}
