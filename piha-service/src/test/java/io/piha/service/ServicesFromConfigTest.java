package io.piha.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import io.piha.service.config.ConfigLoader;
import io.piha.testkit.homeassistant.SimulatedHomeAssistant;
import io.piha.testkit.mqtt.EmbeddedHiveMq;
import io.piha.testkit.poe.SimulatedPoeSwitch;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code piha control-plane} and {@code piha agent} as an integrator runs them: built from YAML, against a
 * real broker, a real SNMP switch and real Home Assistant endpoints, failing over when the primary hangs.
 */
class ServicesFromConfigTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static EmbeddedHiveMq broker;
    private static SimulatedPoeSwitch poe;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBrokerAndSwitch() {
        broker = EmbeddedHiveMq.start();
        poe = SimulatedPoeSwitch.builder().ports(1, 4).start();
    }

    @AfterAll
    static void stop() {
        poe.close();
        broker.close();
    }

    private String controlPlaneYaml(SimulatedHomeAssistant primary, SimulatedHomeAssistant standby) {
        return """
                site: test-home
                actor: nas
                broker:
                  url: mqtt://127.0.0.1:%d
                  client_id: piha-nas-test
                services:
                  - name: home-assistant
                    primary: haos-primary
                    standby: ha-standby
                    fencing: power_off
                hosts:
                  - id: haos-primary
                    probes:
                      - type: supervisor
                        url: %s/supervisor/ping
                        timeout: 500ms
                    poe: {switch: rack, port: haos-primary}
                  - id: ha-standby
                    probes:
                      - type: home_assistant
                        url: %s/api/
                        timeout: 500ms
                    poe: {switch: rack, port: ha-standby}
                switches:
                  - name: rack
                    type: snmp
                    address: %s
                    credentials: {community: private}
                    ports: {haos-primary: "1.1", ha-standby: "1.2", nas: "1.4"}
                    protected: [nas]
                timings:
                  heartbeat_interval: 300ms
                  heartbeat_timeout: 900ms
                  recovery_wait: 600ms
                  probe_timeout: 500ms
                  retry_interval: 600ms
                status: {enabled: true, bind: 127.0.0.1, port: %d}
                audit: {file: %s, fsync: false, syslog: false}
                """.formatted(broker.port(), primary.base(), standby.base(), poe.address().replace("udp:", "").replace("/", ":"),
                io.piha.testkit.mqtt.TestBroker.freePort(), dir.resolve("cp-audit.jsonl"));
    }

    private String agentYaml(SimulatedHomeAssistant standby) {
        return """
                host: ha-standby
                broker:
                  url: mqtt://127.0.0.1:%d
                  client_id: piha-agent-test
                services:
                  - name: home-assistant
                timings: {heartbeat_interval: 300ms, heartbeat_timeout: 900ms}
                actuator:
                  type: home_assistant_automations
                  url: %s
                  token: ${HA_TOKEN}
                  entities: all
                  timeout: 2s
                audit: {file: %s, fsync: false}
                """.formatted(broker.port(), standby.base(), dir.resolve("agent-audit.jsonl"));
    }

    @Test
    void aControlPlaneAndAnAgentBuiltFromYamlFailOverWhenThePrimaryHangs() throws Exception {
        ConfigLoader loader = new ConfigLoader(Map.of("HA_TOKEN", "t0k3n"));
        try (SimulatedHomeAssistant primary = host("haos-primary", true);
             SimulatedHomeAssistant standby = host("ha-standby", false)) {
            poe.addListener((port, on) -> (port.port() == 1 ? primary : standby).powerChanged(on));
            var cpConfig = loader.parseControlPlane("control-plane.yaml", controlPlaneYaml(primary, standby));
            try (ControlPlaneService cp = new ControlPlaneService(cpConfig, CLOCK).start(dir.resolve("state"));
                 AgentService agent = new AgentService(loader.parseAgent("agent.yaml", agentYaml(standby)), CLOCK).start()) {
                var plane = cp.plane(ServiceName.HOME_ASSISTANT).orElseThrow();
                primary.leadAsV1();
                assertThat(waitFor(() -> plane.state().leader().filter(HostId.of("haos-primary")::equals).isPresent())).isTrue();

                primary.diesForGood();
                primary.hang();

                boolean promoted = waitFor(() -> agent.agents().get(0).state().isCurrentLeader());
                assertThat(promoted).as("standby promoted; control plane %s; decisions %s; agent %s", plane.state(),
                        plane.recentDecisions(), agent.agents().get(0).state()).isTrue();
                assertThat(waitFor(standby::automationsOn)).as("standby automations on").isTrue();
                String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(cp.statusUrl().orElseThrow()
                        .resolve("/status.json")).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(json).contains("ha-standby").contains("\"epoch\"");
            }
        }
    }

    private SimulatedHomeAssistant host(String id, boolean participant) {
        return new SimulatedHomeAssistant(HostId.of(id), ServiceName.HOME_ASSISTANT, "t0k3n", participant, broker.port(),
                Duration.ofMillis(300), CLOCK, s -> { });
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

}
