package io.piha.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.ServiceName;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.arbiter.Phase;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.MqttLeadershipBus;
import io.piha.runtime.ArbiterMemory;
import io.piha.service.config.ConfigLoader;
import io.piha.service.config.ControlPlaneConfig;
import io.piha.testkit.mqtt.EmbeddedHiveMq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code piha control-plane rebuild-memory}: the way back from a memory the control plane refuses, against a real broker. */
class MemoryRebuildTest {

    private static final ServiceName HA = ServiceName.HOME_ASSISTANT;
    private static final HostId STANDBY = HostId.of("haos-standby");
    private static final Clock CLOCK = Clock.systemUTC();
    private static EmbeddedHiveMq broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedHiveMq.start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private ControlPlaneConfig config(String prefix) {
        return new ConfigLoader(Map.of()).parseControlPlane("control-plane.yaml", """
                broker: {url: "mqtt://127.0.0.1:%d", client_id: piha-cp-rebuild, topic_prefix: %s}
                services: [{name: home-assistant, primary: haos-primary, standby: haos-standby, fencing: confirmed_dead}]
                hosts:
                  - {id: haos-primary, probes: [{type: tcp, address: "127.0.0.1:1"}]}
                  - {id: haos-standby, probes: [{type: tcp, address: "127.0.0.1:1"}]}
                status: {enabled: false}
                audit: {file: %s, fsync: false, syslog: false}
                """.formatted(broker.port(), prefix, dir.resolve("audit.jsonl")));
    }

    private MqttLeadershipBus publisher(String prefix) {
        return MqttLeadershipBus.connect(MqttBusConfig.custom().broker("127.0.0.1", broker.port())
                .clientId("home-" + prefix.replace("/", "-")).topicPrefix(prefix).services(HA).build());
    }

    @Test
    void aTruncatedMemoryIsRebuiltFromTheRetainedLeaseAndTheBadFileIsKept() throws Exception {
        String prefix = "rebuild/a";
        Path file = MemoryRebuild.memoryFile(dir, HA);
        Files.writeString(file, "format=2\nleader=haos-standby\nepo");
        try (MqttLeadershipBus home = publisher(prefix)) {
            home.publish(new LeadershipMessage.LeaseGranted(HA, new Lease(STANDBY, Epoch.of(41), CLOCK.instant())))
                    .toCompletableFuture().get();
            assertThatThrownBy(() -> ArbiterMemory.inFile(file).load(CLOCK.instant()))
                    .isInstanceOf(ArbiterMemory.UnreadableMemoryException.class);
            List<String> progress = new ArrayList<>();
            Instant before = CLOCK.instant();

            List<MemoryRebuild.Result> results = new MemoryRebuild(config(prefix), CLOCK)
                    .run(dir, Duration.ofMillis(1500), false, progress::add);

            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo("rebuilt");
                assertThat(r.leader()).contains(STANDBY);
                assertThat(r.epoch()).isEqualTo(Epoch.of(41));
            });
            ArbiterState rebuilt = ArbiterMemory.inFile(file).load(CLOCK.instant());
            assertThat(rebuilt.leader()).contains(STANDBY);
            assertThat(rebuilt.epoch()).isEqualTo(Epoch.of(41));
            assertThat(rebuilt.frozen()).isFalse();
            assertThat(rebuilt.phase()).isInstanceOf(Phase.Watching.class);
            assertThat(rebuilt.commandSeq()).as("command ids never repeat old ones").isGreaterThanOrEqualTo(before.toEpochMilli());
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .anyMatch(n -> n.startsWith("arbiter-home-assistant.properties.corrupt-"));
            }
            assertThat(progress).anyMatch(l -> l.contains("listening to")).anyMatch(l -> l.contains("piha freeze"));
        }
    }

    @Test
    void theHighestEpochHeardWinsOverAnOlderRetainedLeaseAndThenNobodyIsAssumedToLead() throws Exception {
        String prefix = "rebuild/b";
        Path file = MemoryRebuild.memoryFile(dir, HA);
        Files.writeString(file, "");
        try (MqttLeadershipBus home = publisher(prefix)) {
            home.publish(new LeadershipMessage.LeaseGranted(HA, new Lease(STANDBY, Epoch.of(5), CLOCK.instant())))
                    .toCompletableFuture().get();
            Thread heartbeats = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    home.publish(new LeadershipMessage.HeartbeatPublished(HA,
                            Heartbeat.of(HostId.of("haos-primary"), CLOCK.instant(), Epoch.of(6))));
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            heartbeats.start();

            new MemoryRebuild(config(prefix), CLOCK).run(dir, Duration.ofMillis(1500), false, l -> { });
            heartbeats.join();

            ArbiterState rebuilt = ArbiterMemory.inFile(file).load(CLOCK.instant());
            assertThat(rebuilt.epoch()).isEqualTo(Epoch.of(6));
            assertThat(rebuilt.leader()).as("learnt from the next heartbeat at epoch 6").isEmpty();
        }
    }

    @Test
    void aSoundMemoryIsLeftAloneAndNothingHeardWritesNothing() throws Exception {
        Path file = MemoryRebuild.memoryFile(dir, HA);
        ArbiterMemory.inFile(file).save(ArbiterState.startingUp(CLOCK.instant()));
        byte[] sound = Files.readAllBytes(file);

        List<MemoryRebuild.Result> left = new MemoryRebuild(config("rebuild/c"), CLOCK)
                .run(dir, Duration.ofMillis(300), false, l -> { });
        assertThat(left).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("sound"));
        assertThat(Files.readAllBytes(file)).isEqualTo(sound);

        Files.writeString(file, "garbage");
        List<MemoryRebuild.Result> silent = new MemoryRebuild(config("rebuild/silent"), CLOCK)
                .run(dir, Duration.ofMillis(300), false, l -> { });
        assertThat(silent).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("nothing_heard");
            assertThat(r.detail()).contains("Nothing written");
        });
        assertThat(Files.readString(file)).isEqualTo("garbage");
    }
}
