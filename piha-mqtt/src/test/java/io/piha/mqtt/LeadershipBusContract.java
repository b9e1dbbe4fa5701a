package io.piha.mqtt;

import io.piha.api.Secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.leadership.Availability;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.LeadershipBusException;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.LeadershipMessage.AvailabilityChanged;
import io.piha.api.leadership.LeadershipMessage.CommandIssued;
import io.piha.api.leadership.LeadershipMessage.EventRecorded;
import io.piha.api.leadership.LeadershipMessage.HeartbeatPublished;
import io.piha.api.leadership.LeadershipMessage.LeaseGranted;
import io.piha.api.leadership.LeadershipMessage.StateChanged;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.RejectedMessage;
import io.piha.api.leadership.ServiceName;
import io.piha.testkit.mqtt.TcpProxy;
import io.piha.testkit.mqtt.TestBroker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The leadership contract over a real broker. Every broker the SDK supports runs this suite by
 * subclassing it and starting one broker for the class. Each test uses its own service name, so
 * retained messages of one test never leak into another.
 */
abstract class LeadershipBusContract {

    private static final AtomicInteger SEQ = new AtomicInteger();
    static final HostId PRIMARY = HostId.of("haos-primary");
    static final HostId STANDBY = HostId.of("haos-standby");

    final ServiceName service = ServiceName.of("svc-" + SEQ.incrementAndGet());
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /** The broker of the subclass, started once for the class. */
    abstract TestBroker broker();

    MqttBusConfig.Builder config(String clientId) {
        return MqttBusConfig.custom().broker(broker().host(), broker().port())
                .clientId(clientId + "-" + service.value()).services(service)
                .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
    }

    MqttLeadershipBus bus(MqttBusConfig.Builder config, Recorder alerts) {
        return open(MqttLeadershipBus.connect(config.build(), Clock.systemUTC(), alerts));
    }

    MqttLeadershipBus bus(String clientId) {
        return bus(config(clientId), new Recorder());
    }

    Recorder subscribe(MqttLeadershipBus bus) {
        Recorder r = new Recorder();
        open(bus.subscribe(service, r));
        return r;
    }

    RawClient raw() {
        return open(new RawClient(broker()));
    }

    <T extends AutoCloseable> T open(T resource) {
        opened.push(resource);
        return resource;
    }

    @AfterEach
    void closeAll() throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static void await(java.util.concurrent.CompletionStage<?> stage) throws Exception {
        stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void leaderStateIsRetainedForLateSubscribers() throws Exception {
        MqttLeadershipBus leader = bus("leader");
        await(leader.publish(new StateChanged(service, Optional.of(LeaderState.LEADER))));

        Recorder late = subscribe(bus("late"));

        assertThat(late.next(StateChanged.class).state()).contains(LeaderState.LEADER);
    }

    @Test
    void homeAssistantHeartbeatWithLocalOffsetAndMicrosecondsIsReadAsAnInstant() throws Exception {
        Recorder control = subscribe(bus("control"));
        OffsetDateTime local = OffsetDateTime.now(ZoneOffset.ofHours(2)).truncatedTo(ChronoUnit.MICROS);
        String ts = local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx"));
        // as a Home Assistant automation publishes it: a YAML block scalar, so indented over several lines
        raw().publish("piha/leader/" + service + "/heartbeat", """
                {
                  "ts": "%s",
                  "host_id": "haos-primary",
                  "version": "2025.10.1"
                }
                """.formatted(ts), true);

        Heartbeat hb = control.next(HeartbeatPublished.class).heartbeat();

        assertThat(hb.host()).isEqualTo(PRIMARY);
        assertThat(hb.timestamp()).isEqualTo(local.toInstant());
        assertThat(hb.epoch()).isEmpty();
        assertThat(hb.version()).contains("2025.10.1");
    }

    @Test
    void plainPromoteFromARawClientArrivesAsAV1Command() {
        Recorder standby = subscribe(bus("standby"));

        raw().publish("piha/leader/" + service + "/cmd", "promote", false);

        Command cmd = standby.next(CommandIssued.class).command();
        assertThat(cmd.isPlain()).isTrue();
        assertThat(cmd.verb()).isEqualTo(CommandVerb.PROMOTE);
    }

    @Test
    void envelopeCommandIsAcknowledgedByAnEventCarryingItsId() throws Exception {
        MqttLeadershipBus agent = bus("agent");
        open(agent.subscribe(service, m -> {
            if (m instanceof CommandIssued c && c.command().concerns(STANDBY)) {
                agent.publish(new EventRecorded(service, LeadershipEvent.of(Instant.now(), LeadershipEvent.PROMOTED,
                        STANDBY.value()).withNewLeader(STANDBY).withEpoch(c.command().epoch().orElseThrow())
                        .acknowledging(c.command().id())));
            }
        }));
        MqttLeadershipBus arbiter = bus("arbiter");
        Recorder history = subscribe(arbiter);
        Instant now = now();

        await(arbiter.publish(new CommandIssued(service, Command.envelope(CommandVerb.PROMOTE, "c-1")
                .target(STANDBY).epoch(Epoch.of(4)).reason("heartbeat_timeout").actor("nas")
                .validBetween(now, now.plusSeconds(30)).build())));

        LeadershipEvent ack = history.next(EventRecorded.class).event();
        assertThat(ack.commandId()).contains("c-1");
        assertThat(ack.epoch()).contains(Epoch.of(4));
        assertThat(ack.newLeader()).contains(STANDBY);
    }

    @Test
    void leaseIsRetainedWithHolderEpochAndSince() throws Exception {
        Lease lease = new Lease(STANDBY, Epoch.of(7), now());
        await(bus("arbiter").publish(new LeaseGranted(service, lease)));

        Recorder late = subscribe(bus("late"));

        assertThat(late.next(LeaseGranted.class).lease()).isEqualTo(lease);
    }

    @Test
    void deadConnectionOfTheLeaderFiresItsWillAndReconnectAnnouncesOnlineAgain() {
        Recorder arbiter = subscribe(bus("arbiter"));
        TcpProxy link = open(new TcpProxy(broker().port()));
        bus(config("leader").broker("127.0.0.1", link.port()).agentHost(PRIMARY), new Recorder());
        assertThat(arbiter.next(AvailabilityChanged.class).availability()).isEqualTo(Availability.ONLINE);

        link.cutAll();

        AvailabilityChanged will = arbiter.next(AvailabilityChanged.class);
        assertThat(will.host()).isEqualTo(PRIMARY);
        assertThat(will.availability()).isEqualTo(Availability.OFFLINE);
        assertThat(arbiter.next(AvailabilityChanged.class).availability()).isEqualTo(Availability.ONLINE);
    }

    @Test
    void cleanCloseAnnouncesOffline() {
        Recorder arbiter = subscribe(bus("arbiter"));
        MqttLeadershipBus agent = MqttLeadershipBus.connect(config("agent").agentHost(STANDBY).build());
        assertThat(arbiter.next(AvailabilityChanged.class).availability()).isEqualTo(Availability.ONLINE);

        agent.close();

        assertThat(arbiter.next(AvailabilityChanged.class).availability()).isEqualTo(Availability.OFFLINE);
    }

    @Test
    void retainedStateSurvivesABrokerRestartAndSubscriptionsResume() {
        raw().publish("piha/leader/" + service + "/state", "leader", true); // a v1 host: nobody re-asserts it
        Recorder control = subscribe(bus("control"));
        control.next(StateChanged.class);

        broker().restart(false);

        assertThat(control.next(StateChanged.class).state()).contains(LeaderState.LEADER);
        raw().publish("piha/leader/" + service + "/cmd", "freeze", false);
        assertThat(control.next(CommandIssued.class).command().verb()).isEqualTo(CommandVerb.FREEZE);
    }

    @Test
    void retainedStateAndLeaseAreReassertedWhenTheBrokerLostThem() throws Exception {
        MqttLeadershipBus arbiter = bus(config("arbiter").stateReassertGrace(Duration.ofMillis(200)), new Recorder());
        subscribe(arbiter);
        Lease lease = new Lease(PRIMARY, Epoch.of(3), now());
        await(arbiter.publish(new StateChanged(service, Optional.of(LeaderState.LEADER))));
        await(arbiter.publish(new LeaseGranted(service, lease)));

        broker().restart(true);

        Recorder late = subscribe(bus("late"));
        assertThat(late.next(LeaseGranted.class).lease()).isEqualTo(lease);
        assertThat(late.next(StateChanged.class).state()).contains(LeaderState.LEADER);
    }

    @Test
    void hostCutOffNeverOverwritesAStatePublishedWhileItWasAway() throws Exception {
        TcpProxy link = open(new TcpProxy(broker().port()));
        Recorder away = new Recorder();
        MqttLeadershipBus formerLeader = bus(config("former").broker("127.0.0.1", link.port()).agentHost(PRIMARY)
                .stateReassertGrace(Duration.ofMillis(100)), away);
        open(formerLeader.subscribe(service, away));
        await(formerLeader.publish(new StateChanged(service, Optional.of(LeaderState.STANDBY))));
        Recorder observer = subscribe(bus("observer"));
        observer.next(StateChanged.class, s -> s.state().equals(Optional.of(LeaderState.STANDBY)));

        link.block();
        raw().publish("piha/leader/" + service + "/state", "leader", true); // the other host took over meanwhile
        observer.next(StateChanged.class, s -> s.state().equals(Optional.of(LeaderState.LEADER)));
        link.unblock();
        observer.next(AvailabilityChanged.class, a -> a.availability() == Availability.ONLINE);

        // the re-assertion check runs 100 ms after the reconnect; give it ten times that to misbehave
        Thread.sleep(1_000);
        raw().publish("piha/leader/" + service + "/events", "{\"ts\": \"" + Instant.now()
                + "\", \"event\": \"checkpoint\", \"actor\": \"test\"}", false);
        observer.next(EventRecorded.class);
        assertThat(observer.all).filteredOn(StateChanged.class::isInstance).last()
                .isEqualTo(new StateChanged(service, Optional.of(LeaderState.LEADER)));
    }

    @Test
    void badInputIsRefusedWithAnAlertAndTheListenerKeepsRunning() {
        Recorder alerts = new Recorder();
        MqttLeadershipBus control = bus(config("control"), alerts);
        Recorder r = subscribe(control);
        RawClient raw = raw();
        String p = "piha/leader/" + service;
        String[][] cases = {
            {p + "/heartbeat", "{\"ts\": \"2025-10-05T22:15:00", "not valid JSON"},
            {p + "/heartbeat", "{\"ts\": \"" + Instant.now() + "\", \"host_id\": 42}", "host_id must be a string"},
            {p + "/heartbeat", "{\"ts\": \"2025-10-05T22:15:00.481516\", \"host_id\": \"haos-primary\"}",
                "no UTC offset"},
            {p + "/cmd", "reboot", "unknown command 'reboot'"},
            {p + "/state", "leading", "unknown leader state 'leading'"},
            {p + "/events", "{\"ts\": \"" + Instant.now() + "\", \"event\": \"promoted\", \"actor\": \"nas\","
                    + " \"epoch\": \"four\"}", "epoch must be an integer"},
            {p + "/cmd", "{\"command\": \"promote\", \"id\": \"" + "x".repeat(70_000) + "\"}", "exceeds the limit"},
        };
        for (String[] c : cases) {
            raw.publish(c[0], c[1], false);
            RejectedMessage rejected = r.nextRejection();
            assertThat(rejected.reason()).as("refusal of %s", c[1].length() > 60 ? c[1].substring(0, 60) : c[1])
                    .contains(c[2]);
        }
        raw.publish(p + "/state", "standby", false);

        assertThat(r.next(StateChanged.class).state()).contains(LeaderState.STANDBY);
        assertThat(r.all).hasSize(1);
        assertThat(alerts.alerts).hasSize(cases.length)
                .allSatisfy(a -> assertThat(a.code()).isEqualTo("leadership_message_refused"));
    }

    @Test
    void anAlertContractV1NamedDifferentlyIsPublishedUnderBothNames() throws Exception {
        MqttLeadershipBus control = bus("control");
        io.piha.api.alert.Alert missed = new io.piha.api.alert.Alert(now(), io.piha.api.alert.AlertCodes.HEARTBEAT_MISSED,
                io.piha.api.alert.Severity.WARNING, service.value(), "leader haos-primary suspected", Map.of("host", "haos-primary"));
        io.piha.api.alert.Alert reset = new io.piha.api.alert.Alert(now(), io.piha.api.alert.AlertCodes.POE_RESET,
                io.piha.api.alert.Severity.WARNING, service.value(), "power-cycling", Map.of());

        List<String> seen = raw().receive("piha/leader/alerts", 4, Duration.ofSeconds(2), () -> {
            control.alertChannel().send(missed);
            control.alertChannel().send(reset);
        });

        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> codes = new java.util.ArrayList<>();
        for (String s : seen) {
            var a = json.readTree(s);
            codes.add(a.path("code").asText() + (a.has("alias_of") ? " alias of " + a.path("alias_of").asText() : ""));
            assertThat(a.path("subject").asText()).isEqualTo(service.value());
        }
        assertThat(codes).containsExactly("heartbeat_missed", "haos_heartbeat_missed alias of heartbeat_missed",
                "poe_reset");
    }

    @Test
    void duplicatedEnvelopeCommandIsDeliveredOnceAndTheDuplicateIsRefused() throws Exception {
        Recorder standby = subscribe(bus("standby"));
        MqttLeadershipBus arbiter = bus("arbiter");
        Instant now = now();
        Command promote = Command.envelope(CommandVerb.PROMOTE, "c-dup").target(STANDBY).epoch(Epoch.of(2))
                .validBetween(now, now.plusSeconds(30)).build();

        await(arbiter.publish(new CommandIssued(service, promote)));
        await(arbiter.publish(new CommandIssued(service, promote)));
        raw().publish("piha/leader/" + service + "/cmd", "thaw", false);

        assertThat(standby.next(CommandIssued.class).command()).isEqualTo(promote);
        assertThat(standby.nextRejection().reason()).contains("REPLAYED").contains("c-dup");
        assertThat(standby.next(CommandIssued.class).command().verb()).isEqualTo(CommandVerb.THAW);
    }

    @Test
    void outOfOrderHeartbeatsAreDeliveredWithTheirOwnTimestamps() throws Exception {
        Recorder control = subscribe(bus("control"));
        MqttLeadershipBus leader = bus("leader");
        Instant newer = now();
        Instant older = newer.minusSeconds(30);

        await(leader.publish(new HeartbeatPublished(service, Heartbeat.of(PRIMARY, newer, Epoch.of(3)))));
        await(leader.publish(new HeartbeatPublished(service, Heartbeat.of(PRIMARY, older, Epoch.of(3)))));

        assertThat(control.next(HeartbeatPublished.class).heartbeat().timestamp()).isEqualTo(newer);
        assertThat(control.next(HeartbeatPublished.class).heartbeat().timestamp()).isEqualTo(older);
    }

    @Test
    void heartbeatsAreRetainedWithAnMqtt5ExpiryOfTheHeartbeatTimeout() throws Exception {
        MqttLeadershipBus leader = bus(config("leader").heartbeatTimeout(Duration.ofSeconds(90)), new Recorder());
        await(leader.publish(new HeartbeatPublished(service, Heartbeat.of(PRIMARY, now(), Epoch.of(1)))));

        var retained = raw().receivePublish("piha/leader/" + service + "/heartbeat").orElseThrow();

        assertThat(retained.isRetain()).isTrue();
        assertThat(retained.getMessageExpiryInterval()).isPresent();
        assertThat(retained.getMessageExpiryInterval().getAsLong()).isBetween(80L, 90L);
    }

    @Test
    void aRetainedHeartbeatOlderThanTheTimeoutIsDeliveredWithItsTimeForTheArbiterToCountAsMissing() throws Exception {
        Instant old = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        raw().publish("piha/leader/" + service + "/heartbeat", "{\"ts\": \"" + old + "\", \"host_id\": \"haos-primary\"}",
                true);

        Recorder late = subscribe(bus("late"));

        assertThat(late.next(HeartbeatPublished.class).heartbeat().timestamp()).isEqualTo(old);
        assertThat(late.rejected).isEmpty();
        raw().publish("piha/leader/" + service + "/heartbeat", "", true);
    }

    @Test
    void aHeartbeatFromAHostWhoseClockIsAnHourAheadIsDeliveredNotRefused() throws Exception {
        Recorder control = subscribe(bus("control"));
        Instant ahead = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        raw().publish("piha/leader/" + service + "/heartbeat", "{\"ts\": \"" + ahead + "\", \"host_id\": \"haos-primary\"}",
                false);

        assertThat(control.next(HeartbeatPublished.class).heartbeat().timestamp()).isEqualTo(ahead);
        assertThat(control.rejected).isEmpty();
    }

    @Test
    void withSigningRequiredAnUnsignedRetainedLeaseIsRefusedAndASignedOneIsTaken() throws Exception {
        Secret key = Secret.of("correct horse battery staple");
        raw().publish("piha/leader/" + service + "/lease", "{\"holder\": \"haos-standby\", \"epoch\": 9000, "
                + "\"since\": \"" + Instant.now() + "\"}", true);

        Recorder agent = subscribe(bus(config("agent").requireSignedCommands(key), new Recorder()));

        assertThat(agent.nextRejection().reason()).contains("UNSIGNED").contains("lease");
        MqttLeadershipBus arbiter = bus(config("arbiter").requireSignedCommands(key), new Recorder());
        await(arbiter.publish(new LeaseGranted(service, new Lease(STANDBY, Epoch.of(3), now()))));
        assertThat(agent.next(LeaseGranted.class).lease().epoch()).isEqualTo(Epoch.of(3));
        raw().publish("piha/leader/" + service + "/lease", "", true);
    }

    @Test
    void retainedCommandIsRefusedInsteadOfReplayingOnEverySubscription() {
        raw().publish("piha/leader/" + service + "/cmd", "promote", true);

        Recorder late = subscribe(bus("late"));

        assertThat(late.nextRejection().reason()).contains("must not be retained");
        raw().publish("piha/leader/" + service + "/cmd", "", true); // clean up as an operator would
    }

    @Test
    void unsignedForgedAndReplayedCommandsAreRefusedWhenSigningIsRequired() throws Exception {
        Secret key = Secret.of("correct horse battery staple");
        Recorder alerts = new Recorder();
        Recorder agent = subscribe(bus(config("agent").requireSignedCommands(key), alerts));
        MqttLeadershipBus arbiter = bus(config("arbiter").requireSignedCommands(key), new Recorder());
        MqttLeadershipBus forger = bus(config("forger").requireSignedCommands(Secret.of("guess")), new Recorder());
        Instant now = now();
        Command promote = Command.envelope(CommandVerb.PROMOTE, "c-signed").target(STANDBY).epoch(Epoch.of(5))
                .validBetween(now, now.plusSeconds(30)).build();

        raw().publish("piha/leader/" + service + "/cmd", "promote", false);
        assertThat(agent.nextRejection().reason()).contains("UNSIGNED");
        await(forger.publish(new CommandIssued(service, Command.envelope(CommandVerb.DEMOTE, "c-forged")
                .validBetween(now, now.plusSeconds(30)).build())));
        assertThat(agent.nextRejection().reason()).contains("BAD_SIGNATURE");
        await(arbiter.publish(new CommandIssued(service, promote)));
        assertThat(agent.next(CommandIssued.class).command()).isEqualTo(promote);
        await(arbiter.publish(new CommandIssued(service, promote)));
        assertThat(agent.nextRejection().reason()).contains("REPLAYED");

        assertThat(agent.all).hasSize(1);
        assertThat(alerts.alerts).hasSize(3).allSatisfy(a -> assertThat(a.code()).isEqualTo("leadership_command_refused"));
        assertThat(alerts.alerts.toString()).doesNotContain("correct horse");
    }

    @Test
    void mqtt311ClientSpeaksTheSameContract() throws Exception {
        Recorder control = subscribe(bus(config("control-v3").protocol(MqttProtocol.MQTT_3_1_1), new Recorder()));
        MqttLeadershipBus leader = bus(config("leader-v3").protocol(MqttProtocol.MQTT_3_1_1), new Recorder());

        await(leader.publish(new HeartbeatPublished(service, Heartbeat.of(PRIMARY, now(), Epoch.of(9)))));

        assertThat(control.next(HeartbeatPublished.class).heartbeat().epoch()).contains(Epoch.of(9));
    }

    @Test
    void brokerFromBeforeMqtt5IsSpokenToInMqtt311WhenTheProtocolIsAuto() throws Exception {
        Recorder control = subscribe(bus("control"));
        TcpProxy legacy = open(new TcpProxy(broker().port(), true));
        assertThatThrownBy(() -> MqttLeadershipBus.connect(config("leader-v5").broker("127.0.0.1", legacy.port())
                .protocol(MqttProtocol.MQTT_5).build())).isInstanceOf(LeadershipBusException.class)
                .hasMessageContaining("127.0.0.1:" + legacy.port());
        MqttLeadershipBus leader = bus(config("leader-auto").broker("127.0.0.1", legacy.port())
                .protocol(MqttProtocol.AUTO).agentHost(PRIMARY), new Recorder());

        await(leader.publish(new HeartbeatPublished(service, Heartbeat.of(PRIMARY, now(), Epoch.of(2)))));

        assertThat(control.next(HeartbeatPublished.class).heartbeat().epoch()).contains(Epoch.of(2));
        assertThat(leader.isConnected()).isTrue();
    }

    @Test
    void agentOfTwoServicesLeavesAWillForEachOnOneBus() {
        ServiceName second = ServiceName.of(service.value() + "-red");
        Recorder arbiter = subscribe(bus("arbiter"));
        MqttLeadershipBus observer = bus("observer");
        Recorder arbiter2 = new Recorder();
        open(observer.subscribe(second, arbiter2));
        TcpProxy link = open(new TcpProxy(broker().port()));
        bus(config("agent").broker("127.0.0.1", link.port()).services(service, second).agentHost(PRIMARY),
                new Recorder());
        assertThat(arbiter.next(AvailabilityChanged.class).availability()).isEqualTo(Availability.ONLINE);
        assertThat(arbiter2.next(AvailabilityChanged.class).availability()).isEqualTo(Availability.ONLINE);

        link.cutAll();

        assertThat(arbiter.next(AvailabilityChanged.class).availability()).isEqualTo(Availability.OFFLINE);
        assertThat(arbiter2.next(AvailabilityChanged.class).availability()).isEqualTo(Availability.OFFLINE);
    }

    @Test
    void discoveryConfigsArePublishedRetainedAndPointAtTheContractTopics() throws Exception {
        MqttLeadershipBus control = bus("control");
        await(control.publishDiscovery(service, Optional.of(HostId.of("nas"))));

        String node = "piha_" + service.value().replace('-', '_');
        Optional<String> epoch = raw().receive("homeassistant/sensor/" + node + "/epoch/config");
        Optional<String> cp = raw().receive("homeassistant/binary_sensor/" + node + "/control_plane/config");

        assertThat(epoch).hasValueSatisfying(c -> assertThat(c)
                .contains("\"state_topic\":\"piha/leader/" + service + "/lease\"").contains("value_json.epoch"));
        assertThat(cp).hasValueSatisfying(c -> assertThat(c)
                .contains("\"state_topic\":\"piha/leader/" + service + "/availability/nas\""));
    }

    @Test
    void syncFreezeTopicIsIgnoredWithoutRefusal() {
        Recorder r = subscribe(bus("control"));
        RawClient raw = raw();

        raw.publish("piha/leader/" + service + "/sync_freeze", "{\"reason\": \"risky week\"}", true);
        raw.publish("piha/leader/" + service + "/state", "maintenance", false);

        assertThat(r.next(StateChanged.class).state()).contains(LeaderState.MAINTENANCE);
        assertThat(r.rejected).isEmpty();
    }
}
