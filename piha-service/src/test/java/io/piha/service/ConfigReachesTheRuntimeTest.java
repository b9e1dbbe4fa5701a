package io.piha.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import io.piha.mqtt.MqttBusConfig;
import io.piha.runtime.ControlPlane;
import io.piha.service.config.ConfigLoader;
import io.piha.service.config.ControlPlaneConfig;
import io.piha.testkit.http.LocalHttpServer;
import io.piha.testkit.mqtt.EmbeddedHiveMq;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests for settings that were read and never used: each timing of the file must reach the part that
 * acts on it (the MQTT codec, the arbiter, the status probes).
 */
class ConfigReachesTheRuntimeTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static EmbeddedHiveMq broker;
    private static LocalHttpServer hosts;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedHiveMq.start();
        hosts = new LocalHttpServer().respond("/supervisor/ping", 200, "{\"result\":\"ok\",\"data\":{}}");
    }

    @AfterAll
    static void stop() {
        hosts.close();
        broker.close();
    }

    private ControlPlaneConfig config(String timings) {
        return new ConfigLoader(Map.of()).parseControlPlane("control-plane.yaml", """
                broker: {url: "mqtt://127.0.0.1:%d", client_id: piha-cp-timings}
                services: [{name: home-assistant, primary: haos-primary, standby: ha-standby, fencing: confirmed_dead}]
                hosts:
                  - {id: haos-primary, probes: [{type: supervisor, url: "%s"}]}
                  - {id: ha-standby, probes: [{type: supervisor, url: "%s"}]}
                timings: {%s}
                status: {enabled: false}
                audit: {file: %s, fsync: false, syslog: false}
                """.formatted(broker.port(), hosts.url("/supervisor/ping"), hosts.url("/supervisor/ping"), timings,
                dir.resolve("audit.jsonl")));
    }

    @Test
    void theClockSkewAndHeartbeatTimeoutOfTheFileReachTheCodecAndTheArbiter() {
        ControlPlaneConfig config = config("max_clock_skew: 40s, heartbeat_timeout: 5m");

        MqttBusConfig bus = Brokers.busConfig(config.broker(), config.timings().contract(),
                List.of(ServiceName.HOME_ASSISTANT), Optional.empty());
        var policy = config.policy(config.services().get(0));

        assertThat(bus.clockSkew()).isEqualTo(Duration.ofSeconds(40)).isEqualTo(policy.maxClockSkew());
        assertThat(bus.heartbeatTimeout()).isEqualTo(Duration.ofMinutes(5)).isEqualTo(policy.heartbeatTimeout());
    }

    @Test
    void theSafetyTimingsTheParticipantsAndSignedAgentsOfTheFileReachTheArbiter() {
        ControlPlaneConfig config = new ConfigLoader(Map.of()).parseControlPlane("control-plane.yaml", """
                broker: {url: "mqtt://127.0.0.1:1883", signing_key: k, require_signed_commands: true}
                services: [{name: home-assistant, primary: haos-primary, standby: ha-standby, fencing: confirmed_dead}]
                hosts:
                  - {id: haos-primary, participant: package, probes: [{type: tcp, address: "127.0.0.1:1"}]}
                  - {id: ha-standby, participant: agent, probes: [{type: tcp, address: "127.0.0.1:1"}]}
                timings: {lease_duration: 2m, demote_timeout: 20s, plain_command_window: 5s, reminder_interval: 1h}
                """);

        var policy = config.policy(config.services().get(0));

        assertThat(policy.safety()).isEqualTo(new io.piha.core.arbiter.ArbiterPolicy.Safety(Duration.ofMinutes(2),
                Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofHours(1), 1_000_000, true));
        assertThat(policy.topology().configured(HostId.of("haos-primary")))
                .contains(io.piha.api.leadership.ParticipantKind.PACKAGE);
        assertThat(policy.topology().configured(HostId.of("ha-standby")))
                .contains(io.piha.api.leadership.ParticipantKind.AGENT);
    }

    @Test
    void aHomeAssistantWhoseClockIsTenSecondsFastIsRecognisedAsLeader() throws Exception {
        try (ControlPlaneService cp = new ControlPlaneService(config("max_clock_skew: 30s"), CLOCK)
                .start(dir.resolve("state"));
             Heartbeats primary = new Heartbeats("haos-primary")) {
            ControlPlane plane = cp.plane(ServiceName.HOME_ASSISTANT).orElseThrow();

            primary.publish(CLOCK.instant().plusSeconds(10), false);

            assertThat(waitFor(() -> plane.state().leader().filter(HostId.of("haos-primary")::equals).isPresent()))
                    .as("decisions: %s", plane.recentDecisions()).isTrue();
        }
    }

    @Test
    void aRetainedHeartbeatYoungerThanTheConfiguredTimeoutIsTrustedAtStart() throws Exception {
        try (Heartbeats primary = new Heartbeats("haos-primary")) {
            primary.publish(CLOCK.instant().minusSeconds(120), true);
        }
        try (ControlPlaneService cp = new ControlPlaneService(config("heartbeat_timeout: 5m"), CLOCK)
                .start(dir.resolve("state"))) {
            ControlPlane plane = cp.plane(ServiceName.HOME_ASSISTANT).orElseThrow();

            assertThat(waitFor(() -> plane.state().leader().filter(HostId.of("haos-primary")::equals).isPresent()))
                    .as("a 2-minute-old retained heartbeat is fresh under a 5-minute timeout; decisions: %s",
                            plane.recentDecisions()).isTrue();
        } finally {
            try (Heartbeats cleaner = new Heartbeats("cleaner")) {
                cleaner.clearRetained();
            }
        }
    }

    @Test
    void everyHostIsProbedAtTheConfiguredIntervalWithoutAFailure() throws Exception {
        int before = hosts.received().size();
        try (ControlPlaneService cp = new ControlPlaneService(config("probe_interval: 200ms"), CLOCK)
                .start(dir.resolve("state"))) {
            ControlPlane plane = cp.plane(ServiceName.HOME_ASSISTANT).orElseThrow();

            assertThat(waitFor(() -> plane.lastProbe(HostId.of("haos-primary")).isPresent()
                    && plane.lastProbe(HostId.of("ha-standby")).isPresent())).isTrue();
            assertThat(waitFor(() -> hosts.received().size() - before >= 6))
                    .as("three rounds of two probes within the wait").isTrue();
            assertThat(cp.snapshot().hosts()).allSatisfy(h -> assertThat(h.probeDetail()).isNotEqualTo("not probed yet"));
        }
    }

    /** A v1 primary as its Home Assistant automation publishes: a plain JSON heartbeat with a local offset. */
    private static final class Heartbeats implements AutoCloseable {
        private final String host;
        private final Mqtt3BlockingClient client;

        Heartbeats(String host) {
            this.host = host;
            client = MqttClient.builder().useMqttVersion3().identifier("v1-" + host + "-" + System.nanoTime())
                    .serverHost("127.0.0.1").serverPort(broker.port()).buildBlocking();
            client.connect();
        }

        void publish(Instant ts, boolean retain) {
            String json = "{\"ts\": \"" + ts.atOffset(java.time.ZoneOffset.ofHours(2)) + "\", \"host_id\": \"" + host + "\"}";
            client.publishWith().topic("piha/leader/home-assistant/heartbeat").qos(MqttQos.AT_LEAST_ONCE).retain(retain)
                    .payload(json.getBytes(StandardCharsets.UTF_8)).send();
        }

        void clearRetained() {
            client.publishWith().topic("piha/leader/home-assistant/heartbeat").qos(MqttQos.AT_LEAST_ONCE).retain(true)
                    .payload(new byte[0]).send();
        }

        @Override
        public void close() {
            client.disconnect();
        }
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
