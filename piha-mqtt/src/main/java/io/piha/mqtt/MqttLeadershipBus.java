package io.piha.mqtt;

import io.piha.api.alert.AlertSink;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipBus;
import io.piha.api.leadership.LeadershipBusException;
import io.piha.api.leadership.ServiceName;
import io.piha.mqtt.internal.HiveMqLeadershipBus;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The leadership contract over an MQTT broker, on one connection for all services.
 *
 * <p>Every inbound publication is read by a {@link LeadershipCodec}; refused ones reach
 * {@link io.piha.api.leadership.LeadershipListener#onRejected} and the alert sink, and never change state.
 * Envelope commands are executed at most once per id within the replay window. When the configuration
 * names an {@linkplain MqttBusConfig#agentHost() agent host}, the connection leaves a Last Will
 * ({@code offline}, retained) and publishes {@code online} on every connection. After a reconnect the
 * bus re-subscribes and re-asserts the retained messages it last published: lease, availability and
 * discovery at once; its {@code state} only if the broker has no retained state within
 * {@link MqttBusConfig#stateReassertGrace()} of asking for it, so that a host that was cut off never overwrites a state
 * published while it was away. Thread-safe.
 *
 * @since 0.1
 */
public interface MqttLeadershipBus extends LeadershipBus {

    /**
     * Connects with the system UTC clock, sending alerts to the broker's {@code <prefix>/alerts} topic.
     *
     * @throws LeadershipBusException naming the broker if the first connection fails within the timeout
     */
    static MqttLeadershipBus connect(MqttBusConfig config) {
        return HiveMqLeadershipBus.connect(config, Clock.systemUTC(), Optional.empty());
    }

    /**
     * Connects with this clock (for timestamps, staleness and expiry) and alert sink.
     *
     * @throws LeadershipBusException naming the broker if the first connection fails within the timeout
     */
    static MqttLeadershipBus connect(MqttBusConfig config, Clock clock, AlertSink alerts) {
        return HiveMqLeadershipBus.connect(config, clock, Optional.of(alerts));
    }

    /** An alert sink that publishes JSON alerts on {@code <prefix>/alerts} over this connection. */
    AlertSink alertChannel();

    /**
     * Publishes the Home Assistant discovery configs of a service (retained, re-asserted on reconnect).
     *
     * @param controlPlane the control plane's host id, shown as a connectivity sensor when present
     */
    CompletionStage<Void> publishDiscovery(ServiceName service, Optional<HostId> controlPlane);

    /** Whether the connection is up now. */
    boolean isConnected();

    /** The configuration this bus runs with. */
    MqttBusConfig config();
}
