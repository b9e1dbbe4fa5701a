package io.piha.mqtt.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.piha.api.alert.Alert;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.ServiceName;
import io.piha.testkit.ManualClock;
import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterMachine;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.arbiter.Phase;
import io.piha.core.arbiter.Topology;
import io.piha.core.node.NodeEffect;
import io.piha.core.node.NodeMachine;
import io.piha.core.node.NodePolicy;
import io.piha.core.node.NodeRole;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.MqttLeadershipBus;
import io.piha.testkit.mqtt.EmbeddedHiveMq;
import io.piha.testkit.mqtt.TcpProxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Messages published on a real broker, exactly as homes publish them today, drive the core's arbiter
 * and node machines to the right decisions. Time is one {@link ManualClock} shared by buses and
 * machines, so timeouts pass without sleeping.
 */
@DisplayName("piha-core machines driven over a real broker")
class CoreInteropTest {

    private static final HostId PRIMARY = HostId.of("haos-primary");
    private static final HostId STANDBY = HostId.of("haos-standby");
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static EmbeddedHiveMq broker;

    private final ServiceName service = ServiceName.of("interop-" + SEQ.incrementAndGet());
    private final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private Mqtt5BlockingClient ha;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedHiveMq.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void connectHomeAssistant() {
        ha = MqttClient.builder().useMqttVersion5().identifier("ha-" + UUID.randomUUID())
                .serverHost(broker.host()).serverPort(broker.port()).buildBlocking();
        ha.connect();
    }

    @AfterEach
    void closeAll() throws Exception {
        ha.disconnect();
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }

    private MqttLeadershipBus bus(String id, int port, HostId agent) {
        MqttBusConfig.Builder c = MqttBusConfig.custom().broker("127.0.0.1", port).clientId(id + "-" + service)
                .services(service).reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
        if (agent != null) {
            c.agentHost(agent);
        }
        return open(MqttLeadershipBus.connect(c.build(), clock, (Alert a) -> { }));
    }

    private <T extends AutoCloseable> T open(T t) {
        opened.push(t);
        return t;
    }

    private MachineOverMqtt<ArbiterState, ArbiterInput, ArbiterEffect> arbiter() {
        ArbiterMachine machine = new ArbiterMachine(ArbiterPolicy.ofDefaults(service, new Topology(PRIMARY, STANDBY)));
        return open(Machines.arbiter(bus("nas", broker.port(), null), service, machine, clock));
    }

    /** Publishes what the shipped v1 automation publishes: YAML block scalar JSON, local offset, microseconds. */
    private void v1Heartbeat(HostId host) {
        String ts = clock.instant().atOffset(ZoneOffset.ofHours(2))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx"));
        publish("heartbeat", "{\n  \"ts\": \"" + ts + "\",\n  \"host_id\": \"" + host + "\"\n}\n", true);
    }

    private void publish(String leaf, String payload, boolean retain) {
        ha.publishWith().topic("piha/leader/" + service + "/" + leaf).payload(payload.getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE).retain(retain).send();
    }

    @Test
    void homeAssistantPrimaryRunningOnlyTheV1AutomationIsRecognisedAsLeader() {
        var arbiter = arbiter();

        publish("state", "leader", true);
        v1Heartbeat(PRIMARY);

        var adopted = arbiter.next(d -> d.accepted() && d.state().leader().isPresent());
        assertThat(adopted.state().leader()).contains(PRIMARY);
        assertThat(adopted.state().epoch()).isEqualTo(Epoch.of(1));
        assertThat(adopted.effectsOf(ArbiterEffect.Publish.class)).extracting(ArbiterEffect.Publish::message)
                .hasAtLeastOneElementOfType(LeadershipMessage.LeaseGranted.class);
    }

    @Test
    void heartbeatLossOfAV1PrimaryIsDetectedAfterTheTimeout() {
        var arbiter = arbiter();
        v1Heartbeat(PRIMARY);
        arbiter.next(d -> d.state().leader().isPresent());

        clock.advance(Duration.ofSeconds(60));
        v1Heartbeat(PRIMARY);
        arbiter.next(d -> d.state().lastHeartbeat().filter(clock.instant()::equals).isPresent());
        clock.advance(ArbiterPolicy.DEFAULT_HEARTBEAT_TIMEOUT.plusSeconds(1));
        var suspicion = arbiter.apply(new ArbiterInput.Tick());

        assertThat(suspicion.state().phase()).isInstanceOf(Phase.Verifying.class);
        assertThat(suspicion.effectsOf(ArbiterEffect.Probe.class)).containsExactly(new ArbiterEffect.Probe(PRIMARY));
    }

    @Test
    void leadersLastWillMakesTheArbiterProbeButNeverPromoteByItself() {
        var arbiter = arbiter();
        TcpProxy link = open(new TcpProxy(broker.port()));
        MqttLeadershipBus leader = bus("primary", link.port(), PRIMARY);
        leader.publish(new LeadershipMessage.HeartbeatPublished(service,
                io.piha.api.leadership.Heartbeat.of(PRIMARY, clock.instant())));
        arbiter.next(d -> d.state().leader().isPresent());
        // A will within a heartbeat timeout of the watch starting may be a broker restart's: past it, it is believed.
        clock.advance(ArbiterPolicy.DEFAULT_HEARTBEAT_TIMEOUT.plusSeconds(1));
        leader.publish(new LeadershipMessage.HeartbeatPublished(service,
                io.piha.api.leadership.Heartbeat.of(PRIMARY, clock.instant())));
        arbiter.next(d -> d.state().lastHeartbeat().filter(clock.instant()::equals).isPresent());

        link.cutAll();

        var suspicion = arbiter.next(d -> d.state().phase() instanceof Phase.Verifying);
        assertThat(suspicion.effectsOf(ArbiterEffect.Probe.class)).containsExactly(new ArbiterEffect.Probe(PRIMARY));
        assertThat(arbiter.history).flatMap(d -> d.effectsOf(ArbiterEffect.Publish.class))
                .extracting(ArbiterEffect.Publish::message)
                .noneMatch(m -> m instanceof LeadershipMessage.CommandIssued c && c.command().verb() == CommandVerb.PROMOTE);
    }

    @Test
    void plainPromoteFromMosquittoPubGrantsAnEpochTheStandbyTakesAndAcknowledges() {
        var arbiter = arbiter();
        var standby = open(Machines.node(bus("standby", broker.port(), STANDBY), service,
                new NodeMachine(NodePolicy.ofDefaults(service, STANDBY)), clock));
        v1Heartbeat(PRIMARY);
        arbiter.next(d -> d.state().leader().isPresent());

        publish("cmd", "promote", false); // mosquitto_pub -t piha/leader/<service>/cmd -m promote

        // The v1 primary cannot acknowledge a demote: it is fenced by power before the epoch is granted.
        var fencing = arbiter.next(d -> d.state().phase() instanceof Phase.Fencing);
        assertThat(fencing.effectsOf(ArbiterEffect.Power.class)).singleElement()
                .satisfies(p -> assertThat(p.host()).isEqualTo(PRIMARY));
        assertThat(fencing.effectsOf(ArbiterEffect.Publish.class)).extracting(ArbiterEffect.Publish::message)
                .noneMatch(m -> m instanceof LeadershipMessage.LeaseGranted);
        arbiter.apply(new ArbiterInput.PowerReported(PRIMARY, ArbiterEffect.PowerAction.OFF, true, "port 3 off"));

        var taken = standby.next(d -> !d.effectsOf(NodeEffect.TakeLeadership.class).isEmpty());
        assertThat(taken.state().role()).isEqualTo(NodeRole.LEADER);
        assertThat(taken.state().leadingAt()).contains(Epoch.of(2));
        var confirmed = arbiter.next(d -> d.accepted() && d.state().phase() instanceof Phase.Watching
                && d.state().leader().filter(STANDBY::equals).isPresent());
        assertThat(confirmed.state().epoch()).isEqualTo(Epoch.of(2));
    }

    @Test
    void duplicatedAndReorderedHeartbeatsFromTheBrokerAreIgnoredByTheArbiterWithoutStateChange() {
        var arbiter = arbiter();
        String newer = "{\"ts\": \"" + clock.instant() + "\", \"host_id\": \"haos-primary\"}";
        String older = "{\"ts\": \"" + clock.instant().minusSeconds(30) + "\", \"host_id\": \"haos-primary\"}";
        publish("heartbeat", newer, false);
        var adopted = arbiter.next(d -> d.state().leader().isPresent());

        publish("heartbeat", newer, false);
        publish("heartbeat", older, false);

        var duplicate = arbiter.next(d -> d.verdict().toString().contains("duplicate or reordered"));
        var reordered = arbiter.next(d -> d.verdict().toString().contains("duplicate or reordered"));
        assertThat(duplicate.state()).isEqualTo(adopted.state());
        assertThat(reordered.state()).isEqualTo(adopted.state());
        assertThat(reordered.effects()).isEmpty();
    }

    @Test
    void formerLeaderSeeingANewerEpochOverTheBrokerStopsAtOnce() {
        var primary = open(Machines.node(bus("primary", broker.port(), PRIMARY), service,
                new NodeMachine(NodePolicy.ofDefaults(service, PRIMARY)), clock));
        MqttLeadershipBus nas = bus("nas", broker.port(), null);
        Instant now = clock.instant();
        nas.publish(new LeadershipMessage.CommandIssued(service, Command.envelope(CommandVerb.PROMOTE, "c-1")
                .target(PRIMARY).epoch(Epoch.of(3)).validBetween(now, now.plusSeconds(60)).build()));
        primary.next(d -> d.state().role() == NodeRole.LEADER);

        // the standby was promoted at epoch 4 while the primary was cut off; its heartbeat reaches the primary
        publish("heartbeat", "{\"ts\": \"" + clock.instant() + "\", \"host_id\": \"haos-standby\", \"epoch\": 4,"
                + " \"role\": \"leader\"}", true);

        var fenced = primary.next(d -> !d.effectsOf(NodeEffect.ReleaseLeadership.class).isEmpty());
        assertThat(fenced.state().role()).isEqualTo(NodeRole.STANDBY);
        assertThat(fenced.state().highestEpoch()).isEqualTo(Epoch.of(4));
    }
}
