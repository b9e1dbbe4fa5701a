package io.piha.mqtt.internal;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertSink;
import io.piha.api.alert.Severity;
import io.piha.api.leadership.Availability;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipBusException;
import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.LeadershipMessage.AvailabilityChanged;
import io.piha.api.leadership.LeadershipMessage.CommandIssued;
import io.piha.api.leadership.LeadershipMessage.HeartbeatPublished;
import io.piha.api.leadership.RejectedMessage;
import io.piha.api.leadership.ServiceName;
import io.piha.mqtt.DecodeError;
import io.piha.mqtt.DecodeResult;
import io.piha.mqtt.HomeAssistantDiscovery;
import io.piha.mqtt.LeadershipCodec;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.MqttLeadershipBus;
import io.piha.mqtt.WireMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link MqttLeadershipBus} on the HiveMQ MQTT client. */
public final class HiveMqLeadershipBus implements MqttLeadershipBus {

    private static final Logger LOG = LoggerFactory.getLogger(HiveMqLeadershipBus.class);
    private static final int REPLAY_CAPACITY = 10_000;

    private final MqttBusConfig config;
    private final Clock clock;
    private final LeadershipCodec codec;
    private final ReplayGuard replays;
    private final AlertSink alerts;
    private final MqttAlertChannel alertChannel;
    private final Connection connection;
    private final Map<ServiceName, ServiceRoute> routes = new ConcurrentHashMap<>();
    /** The retained publications of this bus, re-asserted after every reconnect (broker may have lost them). */
    private final Map<String, WireMessage> reasserted = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private HiveMqLeadershipBus(MqttBusConfig config, Clock clock, Optional<AlertSink> alerts) {
        this.config = config;
        this.clock = clock;
        this.codec = LeadershipCodec.of(config);
        this.replays = new ReplayGuard(config.replayWindow(), REPLAY_CAPACITY);
        this.alertChannel = new MqttAlertChannel(config.topics().alerts(), this::send);
        this.alerts = alerts.orElse(alertChannel);
        this.connection = new Connection(config, this::onConnected, this::onDisconnected);
    }

    /** Connects and returns the bus; see {@link MqttLeadershipBus#connect(MqttBusConfig)}. */
    public static HiveMqLeadershipBus connect(MqttBusConfig config, Clock clock, Optional<AlertSink> alerts) {
        HiveMqLeadershipBus bus = new HiveMqLeadershipBus(config, clock, alerts);
        bus.connection.open();
        LOG.info("leadership bus {} connected to {} over {}", config.clientId(), config.broker(),
                bus.connection.protocol());
        return bus;
    }

    @Override
    public CompletionStage<Void> publish(LeadershipMessage message) {
        WireMessage wire = codec.encode(message);
        if (wire.retained() && !(message instanceof HeartbeatPublished)) {
            reasserted.put(wire.topic(), wire);
        }
        return send(wire);
    }

    @Override
    public Subscription subscribe(ServiceName service, LeadershipListener listener) {
        ensureOpen();
        ServiceRoute route;
        boolean fresh;
        synchronized (routes) {
            fresh = !routes.containsKey(service);
            route = routes.computeIfAbsent(service, ServiceRoute::new);
            route.add(listener);
        }
        if (fresh) {
            String filter = config.topics().everything(service);
            connection.await(connection.transport().subscribe(filter,
                    (topic, payload, retained) -> onPublish(route, topic, payload, retained)), "subscribe to " + filter);
        } else {
            replayRetained(route, listener);
        }
        return () -> unsubscribe(service, route, listener);
    }

    private void unsubscribe(ServiceName service, ServiceRoute route, LeadershipListener listener) {
        synchronized (routes) {
            if (route.remove(listener) && routes.remove(service, route) && !closed.get()) {
                connection.transport().unsubscribe(config.topics().everything(service));
            }
        }
    }

    private void onPublish(ServiceRoute route, String topic, byte[] payload, boolean retained) {
        Instant now = clock.instant();
        DecodeResult result;
        try {
            result = codec.decode(topic, payload, retained, now);
        } catch (RuntimeException e) { // a codec bug must not end the subscription: refuse, alert, go on
            LOG.error("codec failed on a message for {}", topic, e);
            result = new DecodeResult.Refused(new DecodeError(DecodeError.Kind.MALFORMED, topic, "payload",
                    payload.length + " bytes", "could not be read: " + e));
        }
        if (result instanceof DecodeResult.Decoded d) {
            accept(route, topic, payload, d.message(), now);
        } else if (result instanceof DecodeResult.Refused r) {
            refuse(route, r.error(), payload, now);
        } else {
            LOG.debug("ignored {}: {}", topic, ((DecodeResult.Ignored) result).why());
            route.forget(topic);
        }
    }

    private void accept(ServiceRoute route, String topic, byte[] payload, LeadershipMessage m, Instant now) {
        if (m instanceof CommandIssued c && c.command().id().isPresent()
                && !replays.firstSighting(c.command().id().get(), now)) {
            refuse(route, new DecodeError(DecodeError.Kind.REPLAYED, topic, "id", c.command().id().get(),
                    "command " + c.command().describe() + " was already received within the replay window of "
                            + config.replayWindow() + "; not executed again"), payload, now);
            return;
        }
        if (isRetainedKind(m)) {
            route.remember(topic, payload);
        }
        route.deliver(m);
    }

    private void refuse(ServiceRoute route, DecodeError error, byte[] payload, Instant now) {
        String service = serviceOf(error.topic());
        LOG.warn("refused a message for service {}: {}", service, error.describe());
        alerts.send(new Alert(now, error.isSecurityRelevant() ? "leadership_command_refused"
                : "leadership_message_refused", error.isSecurityRelevant() ? Severity.CRITICAL : Severity.WARNING,
                service, error.describe(), Map.of("topic", error.topic(), "kind", error.kind().name(),
                "field", error.field())));
        route.reject(new RejectedMessage(error.topic(), error.describe(), Excerpts.of(payload), now));
    }

    private void replayRetained(ServiceRoute route, LeadershipListener listener) {
        Instant now = clock.instant();
        route.retainedSnapshot().forEach((topic, payload) -> {
            if (codec.decode(topic, payload, true, now) instanceof DecodeResult.Decoded d) {
                route.deliver(listener, d.message());
            }
        });
    }

    /**
     * On every connection: announce availability, then re-assert what the broker may have lost. This
     * connection's will covers the first service; the others have their own will carriers. Lease,
     * availability and discovery have one writer (this bus) and are re-asserted at once; the state topic
     * has several, so it is re-asserted only if the broker has no retained state for it: a host that was
     * cut off must never overwrite a state published while it was away.
     */
    private void onConnected(Transport transport) {
        config.agentHost().ifPresent(host -> transport.publish(codec.encode(
                new AvailabilityChanged(config.services().get(0), host, Availability.ONLINE))));
        reasserted.values().stream().filter(w -> !isStateTopic(w.topic())).forEach(transport::publish);
        reasserted.values().stream().filter(w -> isStateTopic(w.topic())).forEach(w -> reassertIfLost(transport, w));
        LOG.info("leadership bus {} (re)connected to {}", config.clientId(), config.broker());
        routes.values().forEach(r -> r.connection(true));
    }

    private void onDisconnected() {
        routes.values().forEach(r -> r.connection(false));
    }

    /**
     * Asks the broker for the retained state (a subscription to that one topic: retained messages follow
     * its SUBACK on the same connection) and publishes ours only if none arrives within the grace period.
     */
    private void reassertIfLost(Transport transport, WireMessage state) {
        AtomicBoolean heard = new AtomicBoolean();
        transport.subscribe(state.topic(), (topic, payload, retained) -> heard.set(true))
                .thenRunAsync(() -> {
                    transport.unsubscribe(state.topic());
                    if (!heard.get() && !closed.get() && state.equals(reasserted.get(state.topic()))) {
                        LOG.info("broker {} has no retained state on {}; re-asserting '{}'", config.broker(),
                                state.topic(), state.text());
                        transport.publish(state);
                    }
                }, CompletableFuture.delayedExecutor(config.stateReassertGrace().toMillis(), TimeUnit.MILLISECONDS))
                .exceptionally(e -> {
                    LOG.warn("could not check the retained state on {} at {}: {}", state.topic(), config.broker(),
                            e.toString());
                    return null;
                });
    }

    private boolean isStateTopic(String topic) {
        return topic.startsWith(config.topics().prefix() + "/") && topic.endsWith("/state");
    }

    @Override
    public AlertSink alertChannel() {
        return alertChannel;
    }

    @Override
    public CompletionStage<Void> publishDiscovery(ServiceName service, Optional<HostId> controlPlane) {
        var configs = new HomeAssistantDiscovery(config).configs(service, controlPlane);
        configs.forEach(w -> reasserted.put(w.topic(), w));
        return CompletableFuture.allOf(configs.stream().map(this::send).toArray(CompletableFuture[]::new));
    }

    @Override
    public boolean isConnected() {
        return connection.transport().isConnected();
    }

    @Override
    public MqttBusConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        config.agentHost().ifPresent(host -> connection.tryAwait(connection.transport().publish(codec.encode(
                new AvailabilityChanged(config.services().get(0), host, Availability.OFFLINE)))));
        connection.close();
        routes.clear();
        LOG.info("leadership bus {} disconnected from {}", config.clientId(), config.broker());
    }

    private CompletableFuture<Void> send(WireMessage wire) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new LeadershipBusException("bus " + config.clientId()
                    + " is closed; cannot publish to " + wire.topic()));
        }
        return connection.transport().publish(wire).handle((ok, e) -> {
            if (e != null) {
                throw new LeadershipBusException("publish to " + wire.topic() + " on " + config.broker()
                        + " failed: " + e.getMessage(), e);
            }
            return null;
        });
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new LeadershipBusException("bus " + config.clientId() + " on " + config.broker() + " is closed");
        }
    }

    private static boolean isRetainedKind(LeadershipMessage m) {
        return !(m instanceof CommandIssued) && !(m instanceof LeadershipMessage.EventRecorded);
    }

    private String serviceOf(String topic) {
        String rest = topic.startsWith(config.topics().prefix() + "/")
                ? topic.substring(config.topics().prefix().length() + 1) : topic;
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** Payload excerpts for rejections: short, printable, and never a signature. */
    static final class Excerpts {
        private Excerpts() {
        }

        static String of(byte[] payload) {
            String text = new String(payload, 0, Math.min(payload.length, 200), StandardCharsets.UTF_8)
                    .replaceAll("\"sig\"\\s*:\\s*\"[^\"]*\"", "\"sig\":\"[not shown]\"")
                    .replaceAll("\\p{Cntrl}", " ");
            return payload.length > 200 ? text + "..." : text;
        }
    }
}
