package io.piha.service.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.piha.api.leadership.ServiceName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Everything published under {@code piha/leader/}, as a person watching with {@code mosquitto_sub -v -t
 * 'piha/leader/#'} sees it, and a {@code mosquitto_pub} for the operator. A plain MQTT client: no codec, no SDK. It
 * reconnects and subscribes again after a broker restart.
 */
final class Wire implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One publication as received. */
    record Seen(Instant at, String topic, String payload, boolean retained) {
        JsonNode json() {
            try {
                return JSON.readTree(payload);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON on " + topic + ": " + payload, e);
            }
        }
    }

    private final Mqtt5AsyncClient client;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    Wire(int port) {
        client = MqttClient.builder().useMqttVersion5().identifier("wire-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(port)
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS)
                .applyAutomaticReconnect().buildAsync();
        client.connect().join();
        client.subscribeWith().topicFilter("piha/leader/#").qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> seen.add(new Seen(Instant.now(), p.getTopic().toString(),
                        new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8), p.isRetain())))
                .send().join();
    }

    /** Publishes as {@code mosquitto_pub -q 1} does, and waits for the broker's acknowledgement. */
    void publish(String topic, String payload, boolean retain) {
        client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE)
                .retain(retain).send().join();
    }

    /** Everything seen, oldest first. */
    List<Seen> all() {
        return List.copyOf(seen);
    }

    /** Everything seen on {@code topic}, oldest first. */
    List<Seen> on(String topic) {
        return seen.stream().filter(s -> s.topic().equals(topic)).toList();
    }

    /** Everything seen on {@code topic} after {@code since}, oldest first. */
    List<Seen> on(String topic, Instant since) {
        return on(topic).stream().filter(s -> !s.at().isBefore(since)).toList();
    }

    /** Where {@code payload} on {@code topic} was first seen at or after position {@code from} of {@link #all()}; -1 if not. */
    int indexOf(String topic, String payload, int from) {
        List<Seen> all = all();
        for (int i = from; i < all.size(); i++) {
            if (all.get(i).topic().equals(topic) && all.get(i).payload().equals(payload)) {
                return i;
            }
        }
        return -1;
    }

    /** Where {@code payload} on {@code topic} was last seen before position {@code before} of {@link #all()}; -1 if not. */
    int lastIndexBefore(String topic, String payload, int before) {
        List<Seen> all = all();
        for (int i = Math.min(before, all.size()) - 1; i >= 0; i--) {
            if (all.get(i).topic().equals(topic) && all.get(i).payload().equals(payload)) {
                return i;
            }
        }
        return -1;
    }

    /** How many payloads on {@code topic} match. */
    long count(String topic, Predicate<String> payload) {
        return on(topic).stream().map(Seen::payload).filter(payload).count();
    }

    /** The alerts about {@code service} on the shared alert topic, as JSON, oldest first. */
    List<JsonNode> alerts(ServiceName service) {
        return on("piha/leader/alerts").stream().map(Seen::json)
                .filter(a -> a.path("subject").asText().equals(service.value())).toList();
    }

    /** The codes of {@link #alerts(ServiceName)}. */
    List<String> alertCodes(ServiceName service) {
        return alerts(service).stream().map(a -> a.path("code").asText()).toList();
    }

    /** Everything seen about {@code service} but heartbeats, oldest first, one line each: for failure messages. */
    String transcript(ServiceName service) {
        StringBuilder sb = new StringBuilder();
        String prefix = "piha/leader/" + service.value() + "/";
        for (Seen s : seen) {
            boolean alert = s.topic().equals("piha/leader/alerts") && s.payload().contains("\"" + service + "\"");
            if ((s.topic().startsWith(prefix) && !s.topic().endsWith("/heartbeat")) || alert) {
                sb.append('\n').append(s.at()).append(' ').append(s.topic()).append(s.retained() ? " (retained) " : " ")
                        .append(s.payload().replace('\n', ' '));
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
