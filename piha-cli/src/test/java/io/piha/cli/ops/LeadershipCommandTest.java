package io.piha.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.ServiceName;
import io.piha.cli.ExitCode;
import io.piha.cli.PihaRun;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.MqttLeadershipBus;
import io.piha.testkit.mqtt.EmbeddedHiveMq;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code piha promote|demote|freeze|thaw} against a real broker, with a stand-in control plane that answers. */
class LeadershipCommandTest {

    private static final ServiceName SERVICE = ServiceName.HOME_ASSISTANT;
    private static EmbeddedHiveMq broker;
    private static MqttLeadershipBus controlPlane;
    private static final List<String> commandsSeen = new CopyOnWriteArrayList<>();
    private static final List<io.piha.api.leadership.Command> commands = new CopyOnWriteArrayList<>();
    private static volatile String answer = LeadershipEvent.PROMOTED;

    @BeforeAll
    static void aBrokerAndAControlPlaneThatAnswersEveryCommand() {
        broker = EmbeddedHiveMq.startInMemory();
        controlPlane = MqttLeadershipBus.connect(MqttBusConfig.custom().broker("127.0.0.1", broker.port())
                .clientId("stand-in-control-plane").services(SERVICE).build());
        controlPlane.subscribe(SERVICE, (LeadershipListener) m -> {
            if (m instanceof LeadershipMessage.CommandIssued c) {
                commandsSeen.add(c.command().id().orElse("v1"));
                commands.add(c.command());
                if (c.command().reason().filter("answer"::equals).isPresent()) {
                    controlPlane.publish(new LeadershipMessage.EventRecorded(SERVICE, new LeadershipEvent(Instant.now(),
                            answer, "nas", c.command().target(), Optional.of("manual: answer"), Optional.of(Epoch.of(7)),
                            c.command().id(), Map.of())));
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        controlPlane.close();
        broker.close();
    }

    private static String brokerAddress() {
        return "127.0.0.1:" + broker.port();
    }

    @Test
    void aNegativeWaitIsRefusedBeforeAnythingIsSent() throws InterruptedException {
        int before = commandsSeen.size();

        PihaRun run = PihaRun.of("promote", "--broker", brokerAddress(), "--target", "haos-standby", "--wait", "-5s",
                "--reason", "answer");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).startsWith("piha promote: ").contains("'-5s' is not a duration");
        assertThat(run.oneLineOnStderr()).isTrue();
        Thread.sleep(500);
        assertThat(commandsSeen).hasSize(before);
    }

    @Test
    void anAnsweredCommandSaysWhoAnsweredAndTheNewLeaderInWords() {
        answer = LeadershipEvent.PROMOTED;

        PihaRun run = PihaRun.of("promote", "--broker", brokerAddress(), "--target", "haos-standby", "--reason", "answer");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK.code());
        assertThat(run.out()).contains("sent promote of haos-standby for home-assistant via " + brokerAddress())
                .contains("answered: promoted by nas: manual: answer (leader haos-standby at epoch 7)")
                .doesNotContain("Optional", "Epoch[", "HostId[");
    }

    @Test
    void aRefusedCommandExitsWithRefused() {
        answer = LeadershipEvent.REJECTED;

        PihaRun run = PihaRun.of("freeze", "--broker", brokerAddress(), "--reason", "answer");

        assertThat(run.code()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(run.err()).contains("refused: rejected by nas");
    }

    @Test
    void noAnswerInTimeIsIncompleteAndSaysHowLongItWaited() {
        PihaRun run = PihaRun.of("thaw", "--broker", brokerAddress(), "--wait", "300ms", "--reason", "nobody answers");

        assertThat(run.code()).isEqualTo(ExitCode.INCOMPLETE.code());
        assertThat(run.err()).isEqualTo("piha thaw: no answer within 300 ms; is the control plane running and connected to "
                + brokerAddress() + "?" + System.lineSeparator());
    }

    @Test
    void aBadHostNameIsRefusedBeforeAnythingIsSent() {
        int before = commandsSeen.size();

        PihaRun run = PihaRun.of("promote", "--broker", brokerAddress(), "--target", "garage/pi", "--reason", "answer");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.oneLineOnStderr()).as(run.err()).isTrue();
        assertThat(commandsSeen).hasSize(before);
    }

    @Test
    void statusPrintsLeaderEpochAndHeartbeatAgeForPeopleAndForScripts() throws Exception {
        controlPlane.publish(new LeadershipMessage.LeaseGranted(SERVICE, new io.piha.api.leadership.Lease(
                HostId.of("haos-standby"), Epoch.of(7), Instant.now()))).toCompletableFuture().get();
        controlPlane.publish(new LeadershipMessage.HeartbeatPublished(SERVICE, io.piha.api.leadership.Heartbeat.of(
                HostId.of("haos-standby"), Instant.now().minusSeconds(3), Epoch.of(7)))).toCompletableFuture().get();

        PihaRun people = PihaRun.of("status", "--broker", brokerAddress(), "--listen", "1s");
        PihaRun scripts = PihaRun.of("status", "--broker", brokerAddress(), "--listen", "1s", "--json");

        assertThat(people.code()).as(people.err()).isZero();
        assertThat(people.out()).contains("leader       haos-standby at epoch 7").containsPattern("heartbeat    [0-9.]+ s ago from haos-standby")
                .doesNotContain("PT", "Optional");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(scripts.out());
        assertThat(json.get("leader").asText()).isEqualTo("haos-standby");
        assertThat(json.get("epoch").asLong()).isEqualTo(7);
        assertThat(json.get("heartbeat_age_s").asDouble()).isBetween(2.0, 30.0);
    }

    private static void leaderHeartbeats(io.piha.api.leadership.Heartbeat hb) throws Exception {
        controlPlane.publish(new LeadershipMessage.HeartbeatPublished(SERVICE, hb)).toCompletableFuture().get();
    }

    @Test
    void beforeAPromoteAgainstAV1LeaderItSaysInOneLineThatItsPortGoesOffFirst() throws Exception {
        answer = LeadershipEvent.PROMOTED;
        leaderHeartbeats(io.piha.api.leadership.Heartbeat.of(HostId.of("haos-primary"), Instant.now()));

        PihaRun promote = PihaRun.of("promote", "--broker", brokerAddress(), "--reason", "answer");
        PihaRun demote = PihaRun.of("demote", "--broker", brokerAddress(), "--reason", "answer");

        String line = "haos-primary leads as a v1 host (its heartbeat carries no epoch) and cannot step down: the "
                + "control plane switches its port off first";
        assertThat(promote.code()).as(promote.err()).isEqualTo(ExitCode.OK.code());
        assertThat(promote.out().lines().findFirst()).contains(line);
        assertThat(demote.out().lines().findFirst()).contains(line);
    }

    @Test
    void anSdkLeaderOrAFreezeGetsNoWordAboutPorts() throws Exception {
        answer = LeadershipEvent.PROMOTED;
        leaderHeartbeats(io.piha.api.leadership.Heartbeat.of(HostId.of("haos-primary"), Instant.now(), Epoch.of(4)));
        PihaRun sdk = PihaRun.of("promote", "--broker", brokerAddress(), "--reason", "answer");
        leaderHeartbeats(io.piha.api.leadership.Heartbeat.of(HostId.of("haos-primary"), Instant.now()));
        PihaRun freeze = PihaRun.of("freeze", "--broker", brokerAddress(), "--reason", "answer");

        assertThat(sdk.out()).doesNotContain("v1 host").startsWith("sent promote");
        assertThat(freeze.out()).doesNotContain("v1 host").startsWith("sent freeze");
    }

    @Test
    void confirmOffTravelsInThePromoteAndTheHostConfirmedOffIsNotSwitchedOff() throws Exception {
        answer = LeadershipEvent.PROMOTED;
        leaderHeartbeats(io.piha.api.leadership.Heartbeat.of(HostId.of("haos-primary"), Instant.now()));

        PihaRun run = PihaRun.of("promote", "--broker", brokerAddress(), "--target", "ha-standby", "--confirm-off",
                "haos-primary", "--reason", "answer");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK.code());
        assertThat(run.out()).doesNotContain("v1 host");
        String id = run.out().replaceAll("(?s).*\\(command (cli-[0-9a-f]+)\\).*", "$1");
        assertThat(commands).filteredOn(c -> c.id().filter(id::equals).isPresent()).singleElement()
                .satisfies(c -> assertThat(c.confirmedOff()).contains(HostId.of("haos-primary")));
    }

    @Test
    void confirmOffWithAnotherVerbIsRefusedInOneLineBeforeAnythingIsSent() throws InterruptedException {
        int before = commandsSeen.size();

        PihaRun run = PihaRun.of("demote", "--broker", brokerAddress(), "--confirm-off", "haos-primary");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).startsWith("piha demote: ").contains("--confirm-off goes with promote only");
        assertThat(run.oneLineOnStderr()).as(run.err()).isTrue();
        Thread.sleep(300);
        assertThat(commandsSeen).hasSize(before);
    }
}
