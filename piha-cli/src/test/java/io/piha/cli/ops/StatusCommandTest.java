package io.piha.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertCodes;
import io.piha.api.alert.Severity;
import io.piha.api.audit.AuditEntry;
import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.ServiceName;
import io.piha.api.sync.SyncFreeze;
import io.piha.cli.ExitCode;
import io.piha.cli.PihaRun;
import io.piha.http.status.EventJournal;
import io.piha.http.status.HostStatus;
import io.piha.http.status.ServiceStatus;
import io.piha.http.status.StatusCounters;
import io.piha.http.status.StatusServer;
import io.piha.http.status.StatusSnapshot;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.MqttLeadershipBus;
import io.piha.testkit.mqtt.EmbeddedHiveMq;
import io.piha.testkit.mqtt.TestBroker;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code piha status} from a real status page, and from a real broker's retained topics when the page is gone. */
class StatusCommandTest {

    private static final ServiceName SERVICE = ServiceName.HOME_ASSISTANT;
    private static final HostId PRIMARY = HostId.of("haos-primary");
    private static final HostId STANDBY = HostId.of("ha-standby");
    private static EmbeddedHiveMq broker;
    private static MqttLeadershipBus bus;

    @BeforeAll
    static void brokerWithAStaleLeaseAndAStandbyThatHeartbeats() throws Exception {
        broker = EmbeddedHiveMq.startInMemory();
        bus = MqttLeadershipBus.connect(MqttBusConfig.custom().broker("127.0.0.1", broker.port()).clientId("old-world")
                .services(SERVICE).build());
        bus.publish(new LeadershipMessage.LeaseGranted(SERVICE, new Lease(PRIMARY, Epoch.of(1),
                Instant.now().minusSeconds(3600)))).toCompletableFuture().get();
        bus.publish(new LeadershipMessage.HeartbeatPublished(SERVICE, Heartbeat.of(STANDBY, Instant.now().minusSeconds(1),
                Epoch.of(2)))).toCompletableFuture().get();
        bus.publish(new LeadershipMessage.SyncFreezeFlagged(SERVICE, Optional.of(new SyncFreeze("risky week", "operator",
                Instant.now().minusSeconds(60), Optional.empty())))).toCompletableFuture().get();
    }

    @AfterAll
    static void stop() {
        bus.close();
        broker.close();
    }

    private static String deadPage() {
        return "http://127.0.0.1:" + TestBroker.freePort() + "/";
    }

    @Test
    void withoutTheStatusPageItSaysSoInOneLineAndNamesNoStaleLeaseHolderAsLeader() {
        String page = deadPage();

        PihaRun run = PihaRun.of("status", "--status-url", page, "--broker", "127.0.0.1:" + broker.port(), "--listen", "1s");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK.code());
        String[] lines = run.out().split("\\R");
        assertThat(lines[0]).isEqualTo("the control plane's status page " + page + " does not answer (connection "
                + "refused); reading the broker's retained topics instead");
        assertThat(run.out()).contains("leader       uncertain: the retained lease names haos-primary (epoch 1), but "
                        + "ha-standby heartbeats and haos-primary does not; only the control plane can say",
                "frozen       yes (sync_freeze flag): by operator: risky week")
                .containsPattern("host         ha-standby: last heartbeat [0-9.]+ s ago at epoch 2")
                .doesNotContain("leader       haos-primary");
    }

    @Test
    void scriptsGetTheSourceAndNoLeaderWhenTheLeaseIsStale() throws Exception {
        PihaRun run = PihaRun.of("status", "--status-url", deadPage(), "--broker", "127.0.0.1:" + broker.port(),
                "--listen", "1s", "--json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("source").asText()).isEqualTo("retained_topics");
        assertThat(json.get("status_page_error").asText()).isEqualTo("connection refused");
        assertThat(json.get("leader").isNull()).isTrue();
        assertThat(json.get("lease_holder").asText()).isEqualTo("haos-primary");
        assertThat(json.get("heartbeating").get(0).asText()).isEqualTo("ha-standby");
        assertThat(json.get("frozen").asBoolean()).isTrue();
    }

    @Test
    void withTheStatusPageItShowsLeaderEpochFreezeWithReasonHostsAndTheLastEvents() {
        try (StatusServer server = StatusServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                StatusCommandTest::afterAFailover)) {
            PihaRun run = PihaRun.of("status", "--status-url", server.url().toString(), "--events", "3",
                    "--broker", "127.0.0.1:1");

            assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK.code());
            assertThat(run.out()).startsWith("service      home-assistant (control plane " + server.url() + ", home)")
                    .contains("leader       ha-standby at epoch 2 (watching)",
                            "frozen       yes: frozen by operator: risky week",
                            "host         haos-primary: primary, v1, silent, last heartbeat 2 min ago, clock -0.40 s, "
                                    + "unreachable (no answer)",
                            "host         ha-standby: standby, leading, agent, heartbeating, last heartbeat 1 s ago, "
                                    + "epoch 2",
                            "event        2026-05-01T10:01:00Z warning poe_reset: nas power_cycle accepted: haos-primary "
                                    + "unreachable")
                    .doesNotContain("does not answer", "observe_heartbeat");
            assertThat(run.out().lines().filter(l -> l.startsWith("event"))).hasSize(3);
        }
    }

    @Test
    void aStatusUrlThatIsNotHttpIsAUsageError() {
        PihaRun run = PihaRun.of("status", "--status-url", "ftp://nas/");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.oneLineOnStderr()).as(run.err()).isTrue();
        assertThat(run.err()).contains("--status-url: 'ftp://nas/' is not an http:// or https:// address");
    }

    private static StatusSnapshot afterAFailover() {
        Instant now = Instant.parse("2026-05-01T10:02:00Z");
        EventJournal journal = new EventJournal(50, Set.of("haos-primary", "ha-standby"), new StatusCounters());
        for (int i = 0; i < 30; i++) {
            journal.record(entry(now.minusSeconds(200 - i), "observe_heartbeat", AuditEntry.Outcome.ROUTINE, "heartbeat"));
        }
        journal.record(entry(now.minusSeconds(70), "verify", AuditEntry.Outcome.ACCEPTED, "haos-primary silent"));
        journal.send(Alert.of(now.minusSeconds(60), AlertCodes.POE_RESET, Severity.WARNING, "home-assistant", "cycling"));
        journal.record(entry(now.minusSeconds(60), "power_cycle", AuditEntry.Outcome.ACCEPTED, "haos-primary unreachable"));
        journal.record(entry(now.minusSeconds(50), "grant", AuditEntry.Outcome.ACCEPTED, "granted epoch 2 to ha-standby"));
        journal.record(entry(now.minusSeconds(10), "freeze", AuditEntry.Outcome.ACCEPTED, "frozen by operator: risky week"));
        ServiceStatus svc = new ServiceStatus(SERVICE, Optional.of(STANDBY), Epoch.of(2), "watching", true,
                Optional.of("frozen by operator: risky week"), Optional.of(now.minusSeconds(1)), Optional.empty());
        HostStatus primary = new HostStatus(PRIMARY, "home-assistant", "primary", Optional.of("v1"),
                Optional.of(new ProbeResult.Unreachable(now.minusSeconds(5), Duration.ofSeconds(1), "no answer")),
                Optional.of(now.minusSeconds(120)), Optional.empty(), Optional.of(Duration.ofMillis(-400)),
                HostStatus.Liveness.SILENT);
        HostStatus standby = new HostStatus(STANDBY, "home-assistant", "standby, leading", Optional.of("agent"),
                Optional.of(new ProbeResult.Up(now.minusSeconds(5), Duration.ofMillis(12), "HTTP 401")),
                Optional.of(now.minusSeconds(1)), Optional.of(Epoch.of(2)), Optional.empty(), HostStatus.Liveness.HEARTBEATING);
        return new StatusSnapshot(now, "home", List.of(svc), List.of(primary, standby), List.of(), journal.events(),
                journal.routine(), Optional.empty(), journal.counters().samples());
    }

    private static AuditEntry entry(Instant at, String action, AuditEntry.Outcome outcome, String reason) {
        return new AuditEntry(at, "nas", action, "home-assistant", outcome, reason, Map.of());
    }
}
