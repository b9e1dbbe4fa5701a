package io.piha.mqtt.internal;

import io.piha.api.leadership.Availability;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipBusException;
import io.piha.api.leadership.ServiceName;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.MqttProtocol;
import io.piha.mqtt.WireMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus's MQTT connection: protocol choice with fallback from 5 to 3.1.1, the Last Will, and, since a
 * connection carries one will only, one small extra connection per further service of an agent so that
 * each service's availability topic gets its own {@code offline} when the process dies.
 */
final class Connection {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private final MqttBusConfig config;
    private final Consumer<Transport> onConnected;
    private final Runnable onDisconnected;
    private final List<Transport> willCarriers = new ArrayList<>();
    private volatile Transport main;

    Connection(MqttBusConfig config, Consumer<Transport> onConnected, Runnable onDisconnected) {
        this.config = config;
        this.onConnected = onConnected;
        this.onDisconnected = onDisconnected;
    }

    void open() {
        List<ServiceName> services = config.services();
        Optional<HostId> host = config.agentHost();
        main = connect(config, host.map(h -> will(services.get(0), h)), onConnected, onDisconnected);
        host.ifPresent(h -> services.stream().skip(1).forEach(s -> {
            MqttBusConfig carrier = config.toBuilder().clientId(config.clientId() + "-will-" + s.value()).build();
            WireMessage online = availability(s, h, Availability.ONLINE);
            willCarriers.add(connect(carrier, Optional.of(will(s, h)), t -> t.publish(online), () -> { }));
        }));
    }

    Transport transport() {
        Transport t = main;
        if (t == null) {
            throw new LeadershipBusException("not connected to " + config.broker());
        }
        return t;
    }

    String protocol() {
        return transport().protocol();
    }

    private Transport connect(MqttBusConfig c, Optional<WireMessage> will, Consumer<Transport> connected,
                              Runnable lost) {
        if (c.protocol() == MqttProtocol.MQTT_3_1_1) {
            return connectWith(c, will, connected, lost, false);
        }
        try {
            return connectWith(c, will, connected, lost, true);
        } catch (LeadershipBusException e) {
            if (c.protocol() != MqttProtocol.AUTO) {
                throw e;
            }
            LOG.warn("{} refused MQTT 5 ({}); falling back to MQTT 3.1.1", c.broker(), e.getMessage());
            return connectWith(c, will, connected, lost, false);
        }
    }

    private Transport connectWith(MqttBusConfig c, Optional<WireMessage> will, Consumer<Transport> connected,
                                  Runnable lost, boolean v5) {
        Transport[] self = new Transport[1];
        Transport.Lifecycle lifecycle = new Transport.Lifecycle() {
            @Override
            public void connected() {
                connected.accept(self[0]);
            }

            @Override
            public void disconnected(Throwable cause) {
                LOG.info("client {} lost {}: {}; reconnecting with backoff", c.clientId(), c.broker(),
                        cause.toString());
                lost.run();
            }
        };
        self[0] = v5 ? new Mqtt5Transport(c, will, lifecycle) : new Mqtt3Transport(c, will, lifecycle);
        try {
            await(self[0].connect(), "connect as " + c.clientId());
            return self[0];
        } catch (LeadershipBusException e) {
            self[0].disconnect();
            throw e;
        }
    }

    <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeadershipBusException("interrupted during " + what + " on " + config.broker(), e);
        } catch (ExecutionException e) {
            throw new LeadershipBusException(what + " on " + config.broker() + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new LeadershipBusException(what + " on " + config.broker() + " did not complete within "
                    + config.connectTimeout(), e);
        }
    }

    void tryAwait(CompletableFuture<?> future) {
        try {
            await(future, "publish before disconnect");
        } catch (LeadershipBusException e) {
            LOG.debug("{}", e.getMessage());
        }
    }

    void close() {
        willCarriers.forEach(t -> tryAwait(t.publish(availabilityOfCarrier(t))));
        willCarriers.forEach(t -> tryAwait(t.disconnect()));
        Transport t = main;
        if (t != null) {
            tryAwait(t.disconnect());
        }
    }

    private WireMessage availabilityOfCarrier(Transport carrier) {
        int i = willCarriers.indexOf(carrier) + 1;
        return availability(config.services().get(i), config.agentHost().orElseThrow(), Availability.OFFLINE);
    }

    private WireMessage will(ServiceName service, HostId host) {
        return availability(service, host, Availability.OFFLINE);
    }

    private WireMessage availability(ServiceName service, HostId host, Availability a) {
        return new WireMessage(config.topics().availability(service, host), a.wire().getBytes(StandardCharsets.UTF_8),
                true, Optional.empty());
    }
}
