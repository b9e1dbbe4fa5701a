package io.piha.service.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.ServiceName;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.arbiter.Phase;
import io.piha.http.audit.JsonLinesAuditLog;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.MqttLeadershipBus;
import io.piha.poe.safety.RecoveryOutcome;
import io.piha.runtime.ArbiterMemory;
import io.piha.service.ControlPlaneService;
import io.piha.service.HostReset;
import io.piha.service.MemoryRebuild;
import io.piha.service.config.ConfigLoader;
import io.piha.service.config.ControlPlaneConfig;
import io.piha.testkit.mqtt.EmbeddedHiveMq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore drill: back up while the control plane runs, destroy its state, restore, and the control plane resumes
 * at the same epoch with the same ledger (a cooldown the ledger remembers still refuses a second power-cycle).
 */
class RestoreDrillTest {

    private static final ServiceName HA = ServiceName.HOME_ASSISTANT;
    private static final HostId PRIMARY = HostId.of("haos-primary");
    private static final Clock CLOCK = Clock.systemUTC();
    private static EmbeddedHiveMq broker;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedHiveMq.start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private ControlPlaneConfig config(Path audit) {
        return new ConfigLoader(Map.of()).parseControlPlane("control-plane.yaml", """
                broker: {url: "mqtt://127.0.0.1:%d", client_id: piha-cp-restore, topic_prefix: restore/drill}
                services: [{name: home-assistant, primary: haos-primary, standby: ha-standby}]
                hosts:
                  - {id: haos-primary, probes: [{type: tcp, address: "127.0.0.1:1"}], poe: {switch: rack, port: haos-primary}}
                  - {id: ha-standby, probes: [{type: tcp, address: "127.0.0.1:1"}], poe: {switch: rack, port: ha-standby}}
                switches:
                  - {name: rack, type: simulated, ports: {haos-primary: "1.3", ha-standby: "1.4"},
                     limits: {off_time: 100ms, cooldown: 1h}}
                status: {enabled: false}
                audit: {file: %s, fsync: false, syslog: false}
                """.formatted(broker.port(), audit));
    }

    @Test
    void aBackupTakenWhileRunningRestoresTheSameEpochAndLedger() throws Exception {
        Path state = tmp.resolve("var-lib-piha");
        Path audit = tmp.resolve("log").resolve("audit.jsonl");
        ControlPlaneConfig config = config(audit);
        // the home has run for a while: the standby took over once, the primary is back at epoch 7
        ArbiterMemory.inFile(MemoryRebuild.memoryFile(state, HA)).save(new ArbiterState.Remembered(Optional.of(PRIMARY),
                Epoch.of(7), false, Optional.of(CLOCK.instant().minus(Duration.ofDays(3))), 41, Map.of(),
                new Phase.Watching(), List.of()).resume(CLOCK.instant()));
        Path archive = tmp.resolve("backups").resolve("piha-state.zip");
        AtomicBoolean beating = new AtomicBoolean(true);

        try (MqttLeadershipBus home = MqttLeadershipBus.connect(MqttBusConfig.custom().broker("127.0.0.1", broker.port())
                .clientId("home-restore").topicPrefix("restore/drill").services(HA).build())) {
            Thread heartbeats = heartbeats(home, beating);
            try (ControlPlaneService running = new ControlPlaneService(config, CLOCK).start(state)) {
                RecoveryOutcome reset = HostReset.cycle(config.switchNamed("rack").orElseThrow(), "ha-standby", state,
                        CLOCK, "operator:drill", "restore drill", false, config.audit());
                assertThat(reset).isInstanceOf(RecoveryOutcome.Done.class);

                BackupVerification made = new StateBackup(state, audit, CLOCK).create(archive);

                assertThat(made.problems()).isEmpty();
                assertThat(made.entries()).containsValue("epoch 7, leader haos-primary");
                assertThat(running.plane(HA).orElseThrow().state().epoch()).isEqualTo(Epoch.of(7));
            }
            byte[] ledger = Files.readAllBytes(state.resolve("poe-ledger-rack"));
            long audited = JsonLinesAuditLog.readAll(audit).size();

            destroy(state);
            destroy(audit.getParent());
            RestoreOutcome restored = new StateBackup(state, audit, CLOCK).restore(archive, false);

            assertThat(restored).isInstanceOf(RestoreOutcome.Restored.class);
            assertThat(Files.readAllBytes(state.resolve("poe-ledger-rack"))).isEqualTo(ledger);
            assertThat(JsonLinesAuditLog.readAll(audit)).hasSizeGreaterThanOrEqualTo((int) Math.min(audited, 1))
                    .anyMatch(e -> e.reason().contains("restore drill"));
            try (ControlPlaneService resumed = new ControlPlaneService(config, CLOCK).start(state)) {
                ArbiterState s = resumed.plane(HA).orElseThrow().state();
                assertThat(s.epoch()).isEqualTo(Epoch.of(7));
                assertThat(s.leader()).contains(PRIMARY);
                RecoveryOutcome again = HostReset.cycle(config.switchNamed("rack").orElseThrow(), "ha-standby", state,
                        CLOCK, "operator:drill", "second cycle", false, config.audit());
                assertThat(again).as("the restored ledger remembers the cooldown")
                        .isInstanceOfSatisfying(RecoveryOutcome.Refused.class,
                                r -> assertThat(r.rule()).isEqualTo(RecoveryOutcome.Rule.PORT_COOLDOWN));
            } finally {
                beating.set(false);
                heartbeats.join();
            }
        }
    }

    @Test
    void aDamagedArchiveRestoresNothingAndFilesInTheWayNeedForce() throws Exception {
        Path state = tmp.resolve("state");
        Path audit = tmp.resolve("audit.jsonl");
        ArbiterMemory.inFile(MemoryRebuild.memoryFile(state, HA)).save(ArbiterState.startingUp(CLOCK.instant()));
        Path archive = tmp.resolve("b.zip");
        StateBackup backup = new StateBackup(state, audit, CLOCK);
        assertThat(backup.create(archive).sound()).isTrue();

        Path memory = MemoryRebuild.memoryFile(state, HA);
        Files.writeString(memory, "not the memory the backup holds");
        assertThat(backup.restore(archive, false)).isInstanceOfSatisfying(RestoreOutcome.Refused.class,
                r -> assertThat(r.inTheWay()).containsExactly(memory));
        assertThat(Files.readString(memory)).isEqualTo("not the memory the backup holds");
        assertThat(backup.restore(archive, true)).isInstanceOfSatisfying(RestoreOutcome.Restored.class,
                r -> assertThat(r.keptAside()).singleElement().satisfies(p ->
                        assertThat(Files.readString(p)).isEqualTo("not the memory the backup holds")));
        assertThat(ArbiterMemory.inFile(memory).load(CLOCK.instant()).epoch()).isEqualTo(Epoch.ZERO);

        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(archive, bytes);
        Files.delete(memory);
        assertThat(backup.restore(archive, true)).isInstanceOf(RestoreOutcome.Damaged.class);
        assertThat(memory).doesNotExist();
    }

    private static Thread heartbeats(MqttLeadershipBus home, AtomicBoolean beating) {
        Thread t = new Thread(() -> {
            while (beating.get()) {
                home.publish(new LeadershipMessage.HeartbeatPublished(HA, Heartbeat.of(PRIMARY, Instant.now(), Epoch.of(7))));
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "primary-heartbeats");
        t.start();
        return t;
    }

    private static void destroy(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(dir).doesNotExist();
    }
}
