package io.piha.testkit.homeassistant;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The leadership automations of one simulated Home Assistant: what its YAML does over MQTT, and nothing else.
 * Everything runs on one thread, as Home Assistant runs its automations on one event loop, and only while the host
 * runs: a hung or unpowered Home Assistant runs no automation and misses what is published meanwhile. The MQTT client
 * reconnects by itself, as Home Assistant's MQTT integration does, so a broker restart is survived.
 */
abstract class LeadershipAutomations {

    /** {@code now().isoformat()} in a Home Assistant template: local offset and microseconds. */
    private static final DateTimeFormatter HA_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    /**
     * What the automations are installed with.
     *
     * @param id the host id ({@code input_text.piha_host_id})
     * @param service the service whose topics they use
     * @param brokerPort the broker on 127.0.0.1
     * @param clock the host's clock
     * @param zone the host's time zone, whose offset its timestamps carry
     * @param running whether Home Assistant runs now (powered and not hung)
     * @param log where they say what they do
     */
    record Setup(HostId id, ServiceName service, int brokerPort, Clock clock, ZoneId zone, BooleanSupplier running,
                 Consumer<String> log) {
    }

    final Setup setup;
    private final ExecutorService loop;
    /** The loop as the MQTT client sees it: after close, what it still hands over (the end of a session) is dropped. */
    private final java.util.concurrent.Executor callbacks = this::drop;
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private volatile Mqtt5AsyncClient mqtt;
    private volatile String announced = "";
    private volatile Instant lastHeartbeat;
    private volatile boolean leading;

    LeadershipAutomations(Setup setup) {
        this.setup = setup;
        this.loop = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "simulated-" + setup.id() + "-automations");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Home Assistant started (first boot, or power came back): connect, run the start automation, subscribe. Blocks
     * until subscribed; never call it on the automations' loop, which the subscriptions' callbacks run on.
     */
    final void boot() {
        leading = false;
        announced = "";
        Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5()
                .identifier("simulated-" + setup.id() + "-" + System.nanoTime())
                .serverHost("127.0.0.1").serverPort(setup.brokerPort())
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS)
                .applyAutomaticReconnect().buildAsync();
        var connect = client.connectWith();
        Optional<String> will = lastWill();
        if (will.isPresent()) {
            connect = connect.willPublish().topic(topic(will.get())).payload(bytes("offline"))
                    .qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish();
        }
        connect.send().join();
        mqtt = client;
        run(this::started);
        for (String leaf : subscriptions()) {
            // Callbacks queue on the loop: after the start automation, one at a time.
            client.subscribeWith().topicFilter(topic(leaf)).qos(MqttQos.AT_LEAST_ONCE)
                    .callback(this::onMessage).executor(callbacks).send().join();
        }
    }

    /** Power is gone: the connection drops as a pulled cable would (the broker then sends the Last Will, if any). */
    final void powerLost() {
        leading = false;
        Mqtt5AsyncClient c = mqtt;
        mqtt = null;
        if (c != null) {
            c.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();
        }
    }

    /** The topic leaf of a Last Will {@code offline}, if this host's MQTT integration leaves one. */
    Optional<String> lastWill() {
        return Optional.empty();
    }

    /** The topics (leaves under the service) the automations trigger on. */
    abstract List<String> subscriptions();

    /** The start automation. */
    abstract void started();

    /** A message on one of {@link #subscriptions()}, while Home Assistant runs. */
    abstract void handle(String leaf, String payload);

    /** The time-pattern automations (heartbeat, republished state), every interval while Home Assistant runs. */
    abstract void tick();

    /** The epoch this host holds, as its helper shows it; 0 for a v1 host, which has none. */
    abstract long epoch();

    /** Makes this host the leader as a home runs it before any control plane (contract v1: no epoch). */
    abstract void leadAsDeployed();

    private void onMessage(Mqtt5Publish p) {
        if (!setup.running().getAsBoolean() || mqtt == null) {
            return;
        }
        String leaf = p.getTopic().toString().substring(topic("").length());
        String payload = new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8);
        if (leaf.equals("cmd")) {
            heard.add(payload);
        }
        if (leaf.equals("state")) {
            announced = payload.strip(); // piha_track_state: the retained state as last seen
        }
        handle(leaf, payload);
    }

    /** Runs the time-pattern automations once, on the loop. */
    final void timePattern() {
        run(() -> {
            if (setup.running().getAsBoolean() && mqtt != null) {
                tick();
            }
        });
    }

    private void drop(Runnable r) {
        try {
            loop.execute(r);
        } catch (RejectedExecutionException closed) {
            // the host is closed
        }
    }

    /** Runs {@code r} on the automations' loop, after what is queued there. */
    final void run(Runnable r) {
        try {
            loop.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    log("automation failed: " + e);
                }
            });
        } catch (RejectedExecutionException closed) {
            // the host is closed
        }
    }

    /** Runs {@code r} on the loop after {@code delay}, as a {@code delay:} step of an automation. */
    final void later(java.time.Duration delay, Runnable r) {
        java.util.concurrent.CompletableFuture.runAsync(() -> run(r),
                java.util.concurrent.CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    final String topic(String leaf) {
        return "piha/leader/" + setup.service().value() + "/" + leaf;
    }

    /** {@code now().isoformat()} as this host's templates render it. */
    final String now() {
        return OffsetDateTime.now(setup.clock().withZone(setup.zone())).format(HA_ISO);
    }

    /** Publishes with QoS 1, as {@code mqtt.publish} with {@code qos: 1} does. */
    final void publish(String leaf, String payload, boolean retain) {
        Mqtt5AsyncClient c = mqtt;
        if (c != null) {
            c.publishWith().topic(topic(leaf)).payload(bytes(payload)).qos(MqttQos.AT_LEAST_ONCE).retain(retain).send();
        }
    }

    /** Publishes a heartbeat, retained, and counts it. */
    final void heartbeat(String json) {
        lastHeartbeat = setup.clock().instant();
        heartbeats.incrementAndGet();
        publish("heartbeat", json, true);
    }

    final void log(String what) {
        setup.log().accept(setup.id() + " " + what);
    }

    /** The retained state as the automations last saw it ({@code input_text.piha_state}); empty if none. */
    final String announced() {
        return announced;
    }

    /** Whether {@code input_boolean.piha_leader} is on. */
    final boolean leading() {
        return leading;
    }

    final void leading(boolean on) {
        leading = on;
    }

    /** Whether the retained state lets a standby take a plain promote: empty (or unknown) or {@code standby}. */
    final boolean stateAllowsPlainPromote() {
        return announced.isEmpty() || announced.equals("unknown") || announced.equals("standby");
    }

    final int heartbeatsPublished() {
        return heartbeats.get();
    }

    final List<String> commandsHeard() {
        return List.copyOf(heard);
    }

    final Optional<Instant> lastHeartbeat() {
        return Optional.ofNullable(lastHeartbeat);
    }

    final void close() {
        Mqtt5AsyncClient c = mqtt;
        mqtt = null;
        if (c != null) {
            c.disconnect().exceptionally(e -> null).join();
        }
        loop.shutdown();
    }

    /** A JSON string literal (host and command ids need no escaping, but a test may pass anything). */
    static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
