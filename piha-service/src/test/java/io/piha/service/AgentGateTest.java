package io.piha.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.ServiceName;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.MqttLeadershipBus;
import io.piha.service.config.AgentConfig;
import io.piha.service.config.ConfigException;
import io.piha.service.config.ConfigLoader;
import io.piha.service.config.StatusConfig;
import io.piha.testkit.mqtt.EmbeddedHiveMq;
import io.piha.testkit.mqtt.TestBroker;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's HTTP gate ({@code gate} in the agent file): 503 while the host is standby, 200 once the control plane
 * has granted it an epoch and renewed its lease, 503 again when a newer epoch is granted elsewhere.
 */
class AgentGateTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
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

    private String controlPlane() {
        return """
                broker: {url: "mqtt://127.0.0.1:%d", client_id: piha-cp-gate, topic_prefix: gate/test}
                services: [{name: home-assistant, primary: haos-primary, standby: haos-standby, fencing: confirmed_dead}]
                hosts:
                  - {id: haos-primary, participant: agent, probes: [{type: tcp, address: "127.0.0.1:1"}]}
                  - {id: haos-standby, participant: agent, probes: [{type: tcp, address: "127.0.0.1:1"}]}
                timings: {heartbeat_interval: 300ms, heartbeat_timeout: 900ms, lease_duration: 3s, retry_interval: 500ms}
                status: {enabled: false}
                audit: {file: %s, fsync: false, syslog: false}
                """.formatted(broker.port(), dir.resolve("cp-audit.jsonl"));
    }

    private AgentConfig agent(String host, int gatePort) {
        return agentWithGate(host, "{enabled: true, bind: 127.0.0.1, port: %d}".formatted(gatePort));
    }

    private AgentConfig agentWithGate(String host, String gate) {
        return new ConfigLoader(Map.of()).parseAgent("agent.yaml", """
                host: %s
                broker: {url: "mqtt://127.0.0.1:%d", topic_prefix: gate/test}
                services: [{name: home-assistant}]
                timings: {heartbeat_interval: 300ms, heartbeat_timeout: 900ms}
                audit: {file: %s, fsync: false, syslog: false}
                """.formatted(host, broker.port(), dir.resolve(host + "-audit.jsonl"))
                + (gate.isEmpty() ? "" : "gate: " + gate + "\n"));
    }

    @Test
    void withoutAGateSectionTheGateListensOnLoopbackAtPort8471() {
        assertThat(agentWithGate("haos-standby", "").gate())
                .isEqualTo(new StatusConfig(true, "127.0.0.1", AgentConfig.DEFAULT_GATE_PORT));
    }

    @Test
    void theGateListensOnlyOnItsBindAddress() throws Exception {
        int port = TestBroker.freePort();
        try (AgentService agent = new AgentService(agentWithGate("haos-standby",
                "{bind: 127.0.0.2, port: %d}".formatted(port)), CLOCK).start()) {
            assertThat(agent.gateUrl()).contains(URI.create("http://127.0.0.2:" + port + "/"));
            assertThat(get(URI.create("http://127.0.0.2:" + port + "/gate")).statusCode()).isEqualTo(503);
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("nothing listens on 127.0.0.1")
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aDisabledGateServesNothing() throws Exception {
        int port = TestBroker.freePort();
        try (AgentService agent = new AgentService(agentWithGate("haos-standby",
                "{enabled: false, port: %d}".formatted(port)), CLOCK).start()) {
            assertThat(agent.gateUrl()).isEmpty();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aBadBindAddressIsNamed() {
        assertThatThrownBy(() -> agentWithGate("haos-standby", "{bind: \"http://0.0.0.0\", port: 70000}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("gate.bind: must be an address or host name, e.g. 127.0.0.1 or 0.0.0.0 "
                        + "(value: http://0.0.0.0)")
                .hasMessageContaining("gate.port: must be between 0 and 65535 (value: 70000)");
    }

    @Test
    void theGateOpensOnlyWhileThisHostLeadsAtTheCurrentEpoch() throws Exception {
        int port = TestBroker.freePort();
        var cpConfig = new ConfigLoader(Map.of()).parseControlPlane("control-plane.yaml", controlPlane());
        try (ControlPlaneService cp = new ControlPlaneService(cpConfig, CLOCK).start(dir.resolve("state"));
             AgentService standby = new AgentService(agent("haos-standby", port), CLOCK).start();
             AgentService primary = new AgentService(agent("haos-primary", 0), CLOCK).start();
             MqttLeadershipBus operator = MqttLeadershipBus.connect(MqttBusConfig.custom()
                     .broker("127.0.0.1", broker.port()).clientId("operator-gate").topicPrefix("gate/test")
                     .services(ServiceName.HOME_ASSISTANT).build())) {
            URI gate = URI.create("http://127.0.0.1:" + port + "/gate");
            assertThat(standby.gateUrl()).contains(URI.create("http://127.0.0.1:" + port + "/"));
            assertThat(primary.gateUrl()).as("port 0 picks a free one").isPresent();
            HttpResponse<String> before = get(gate);
            assertThat(before.statusCode()).isEqualTo(503);
            assertThat(before.body()).contains("\"leading\":false").contains("\"host\":\"haos-standby\"");

            promote(operator, "haos-standby", "gate-1");
            assertThat(waitFor(() -> get(gate).statusCode() == 200)).as("standby leads with a renewed lease: %s",
                    standby.agents().get(0).state()).isTrue();
            HttpResponse<String> leading = get(gate);
            long epoch = cp.plane(ServiceName.HOME_ASSISTANT).orElseThrow().state().epoch().value();
            assertThat(leading.body()).contains("\"leading\":true").contains("\"epoch\":" + epoch)
                    .contains("\"holder\":\"haos-standby\"").contains("\"service\":\"home-assistant\"");
            assertThat(get(URI.create("http://127.0.0.1:" + port + "/gate/home-assistant")).statusCode()).isEqualTo(200);
            assertThat(get(URI.create("http://127.0.0.1:" + port + "/gate/zigbee2mqtt")).statusCode()).isEqualTo(404);

            promote(operator, "haos-primary", "gate-2");
            assertThat(waitFor(() -> get(gate).statusCode() == 503)).as("a newer epoch elsewhere closes the gate")
                    .isTrue();
            assertThat(waitFor(() -> get(gate).body().contains("\"holder\":\"haos-primary\""))).isTrue();
        }
    }

    private static void promote(MqttLeadershipBus bus, String target, String id) throws Exception {
        Instant now = CLOCK.instant();
        bus.publish(new LeadershipMessage.CommandIssued(ServiceName.HOME_ASSISTANT, Command.envelope(CommandVerb.PROMOTE, id)
                .target(HostId.of(target)).actor("operator:test").reason("gate test")
                .validBetween(now, now.plusSeconds(60)).build())).toCompletableFuture().get();
    }

    private static HttpResponse<String> get(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
