package io.piha.testkit.homeassistant;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Home Assistant host for drills: a real HTTP server answering {@code /supervisor/ping} and {@code /api/}
 * as HAOS and Home Assistant Core do, the automation services the REST actuator calls, and, as a leadership
 * participant, the behaviour of {@code docs/home-assistant/piha_leadership.yaml}: v1 heartbeats (pretty-printed
 * JSON with a local offset and microseconds, as a template renders them) while it leads, promote and demote
 * obeyed, fencing by lease, and no reclaiming of leadership after a boot. Its power is switched by the
 * simulated PoE switch.
 */
public final class SimulatedHomeAssistant implements AutoCloseable {

    private static final DateTimeFormatter HA_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private final HostId id;
    private final ServiceName service;
    private final String token;
    private final boolean participant;
    private final Duration heartbeatInterval;
    private final Clock clock;
    private final Consumer<String> log;
    private final HttpServer http;
    private final ScheduledExecutorService timer;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int brokerPort;
    private volatile boolean powered = true;
    private volatile boolean running = true;
    private volatile boolean recoversOnReboot = true;
    private volatile boolean automationsOn;
    private volatile boolean leading;
    private volatile long epoch;
    private volatile java.time.Instant lastHeartbeat;
    private Mqtt5AsyncClient mqtt;

    /**
     * @param participant whether this host takes part in leadership itself (the HAOS primary with the PiHA
     *     package); a standby driven by the SDK's agent is not
     */
    public SimulatedHomeAssistant(HostId id, ServiceName service, String token, boolean participant, int brokerPort,
                                  Duration heartbeatInterval, Clock clock, Consumer<String> log) {
        this.id = id;
        this.service = service;
        this.token = token;
        this.participant = participant;
        this.brokerPort = brokerPort;
        this.heartbeatInterval = heartbeatInterval;
        this.clock = clock;
        this.log = log;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulated-" + id);
            t.setDaemon(true);
            return t;
        });
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the HTTP server of " + id, e);
        }
        http.createContext("/", this::answer);
        http.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "simulated-" + id + "-http");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        if (participant) {
            connect();
            timer.scheduleAtFixedRate(this::heartbeat, 0, heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The host's id. */
    public HostId id() {
        return id;
    }

    /** Where its HTTP server listens. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** Whether its Home Assistant answers now. */
    public boolean isUp() {
        return powered && running;
    }

    /** Whether its automations are on (set by the REST actuator). */
    public boolean automationsOn() {
        return automationsOn;
    }

    /** Whether it leads now, as a participant. */
    public boolean isLeading() {
        return leading && isUp();
    }

    /** Makes it the leader as a v1 house has it: heartbeats without epoch, state {@code leader}. */
    public void leadAsV1() {
        leading = true;
        epoch = 0;
        publish(topic("state"), "leader", true);
        log.accept(id + " leads as a v1 host (no epoch)");
    }

    /** Home Assistant hangs: no answers, no heartbeats; a power-cycle revives it unless {@link #diesForGood()}. */
    public void hang() {
        running = false;
        log.accept(id + " hangs: Home Assistant stops answering and heartbeating");
    }

    /** From now on a power-cycle does not bring it back (dead SD card). */
    public void diesForGood() {
        recoversOnReboot = false;
    }

    /** Repaired by a person: it will boot when its port is powered. */
    public void repaired() {
        recoversOnReboot = true;
    }

    /** The PoE switch changed this host's power. */
    public void powerChanged(boolean on) {
        if (!on) {
            powered = false;
            leading = false;
            if (mqtt != null) {
                mqtt.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();
                mqtt = null;
            }
            log.accept(id + " loses power");
            return;
        }
        powered = true;
        running = recoversOnReboot;
        log.accept(id + " powered; " + (running ? "boots as standby (never reclaims leadership)" : "stays dead"));
        if (running && participant) {
            connect();
        }
    }

    private void connect() {
        mqtt = MqttClient.builder().useMqttVersion5().identifier("simulated-" + id).serverHost("127.0.0.1")
                .serverPort(brokerPort).buildAsync();
        String availability = topic("availability/" + id.value());
        mqtt.connectWith().willPublish().topic(availability).payload("offline".getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish().send().join();
        mqtt.subscribeWith().topicFilter(topic("cmd")).qos(MqttQos.AT_LEAST_ONCE)
                .callback(this::onCommand).send().join();
        publish(availability, "online", true);
    }

    private void onCommand(Mqtt5Publish p) {
        if (!isUp()) {
            return;
        }
        obey(WireCommand.parse(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)));
    }

    private void obey(WireCommand c) {
        boolean forMe = c.target().map(id.value()::equals).orElse(false);
        if (c.verb().equals("promote") && forMe && c.epoch() > epoch) {
            epoch = c.epoch();
            leading = true;
            publish(topic("state"), "leader", true);
            log.accept(id + " obeys promote at epoch " + epoch);
        } else if (c.verb().equals("demote") && leading && (forMe || c.plain())) {
            leading = false;
            publish(topic("state"), "standby", true);
            log.accept(id + " obeys demote");
        } else if (leading && !forMe && c.verb().equals("promote") && c.epoch() > epoch) {
            leading = false;
            log.accept(id + " sees epoch " + c.epoch() + " granted to " + c.target().orElse(null) + ": stops (fenced)");
        }
    }

    private String topic(String leaf) {
        return "piha/leader/" + service.value() + "/" + leaf;
    }

    /** A command as the HA package's templates read it: a plain verb, or the SDK's JSON envelope. */
    private record WireCommand(String verb, java.util.Optional<String> target, long epoch, boolean plain) {
        static WireCommand parse(String payload) {
            String text = payload.strip();
            if (!text.startsWith("{")) {
                return new WireCommand(text.toLowerCase(java.util.Locale.ROOT), java.util.Optional.empty(), 0, true);
            }
            try {
                JsonNode n = JSON.readTree(text);
                return new WireCommand(n.path("command").asText(""),
                        java.util.Optional.ofNullable(n.get("target")).map(JsonNode::asText), n.path("epoch").asLong(0), false);
            } catch (JsonProcessingException e) {
                return new WireCommand("", java.util.Optional.empty(), 0, false);
            }
        }
    }

    private void heartbeat() {
        if (!leading || !isUp()) {
            return;
        }
        String ts = OffsetDateTime.now(clock.withZone(ZoneOffset.ofHours(1))).format(HA_ISO);
        String json = "{\n  \"ts\": \"" + ts + "\",\n  \"host_id\": \"" + id + "\""
                + (epoch > 0 ? ",\n  \"epoch\": " + epoch + ",\n  \"role\": \"leader\"" : "") + "\n}";
        lastHeartbeat = clock.instant();
        publish(topic("heartbeat"), json, true);
    }

    /** When it last published a heartbeat, if ever. */
    public java.util.Optional<java.time.Instant> lastHeartbeat() {
        return java.util.Optional.ofNullable(lastHeartbeat);
    }

    private void publish(String topic, String payload, boolean retain) {
        Mqtt5AsyncClient c = mqtt;
        if (c != null) {
            c.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE)
                    .retain(retain).send();
        }
    }

    private void answer(HttpExchange ex) throws IOException {
        if (!isUp()) {
            ex.close();
            return;
        }
        String path = ex.getRequestURI().getPath();
        boolean authorised = ("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"));
        if (path.equals("/supervisor/ping")) {
            send(ex, 200, "{\"result\":\"ok\",\"data\":{}}");
        } else if (path.equals("/api/")) {
            send(ex, authorised ? 200 : 401, authorised ? "{\"message\":\"API running.\"}" : "401: Unauthorized");
        } else if (path.startsWith("/api/services/automation/turn_") && authorised) {
            automationsOn = path.endsWith("turn_on");
            log.accept(id + " automations " + (automationsOn ? "on" : "off") + " (REST actuator)");
            send(ex, 200, "[]");
        } else {
            send(ex, authorised ? 404 : 401, authorised ? "404: Not Found" : "401: Unauthorized");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (mqtt != null) {
            mqtt.disconnect();
        }
        http.stop(0);
    }
}
