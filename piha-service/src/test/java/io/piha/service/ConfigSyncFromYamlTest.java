package io.piha.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.piha.api.leadership.ServiceName;
import io.piha.service.config.ConfigLoader;
import io.piha.testkit.git.TestRepo;
import io.piha.testkit.http.LocalHttpServer;
import io.piha.testkit.mqtt.EmbeddedHiveMq;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Config sync wired from the {@code sync:} sections of both files, against a real broker and a real Git
 * repository: scheduled attempts, outcomes on MQTT, the standby checkout on the agent, the retained freeze flag
 * in both directions, and the status page's words.
 */
class ConfigSyncFromYamlTest {

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

    private String controlPlaneYaml(Path repo) {
        return """
                broker: {url: "mqtt://127.0.0.1:%d", client_id: piha-cp-sync}
                services: [{name: home-assistant, primary: haos-primary, standby: ha-standby, fencing: confirmed_dead}]
                hosts:
                  - {id: haos-primary, probes: [{type: supervisor, url: "%s"}]}
                  - {id: ha-standby, probes: [{type: supervisor, url: "%s"}]}
                sync:
                  repository: %s
                  window: 1s
                  check_every: 200ms
                  forbidden_paths: ["zigbee2mqtt/database.db"]
                status: {enabled: false}
                audit: {file: %s, fsync: false, syslog: false}
                """.formatted(broker.port(), hosts.url("/supervisor/ping"), hosts.url("/supervisor/ping"), repo,
                dir.resolve("audit.jsonl"));
    }

    private String agentYaml(Path repo) {
        return """
                host: ha-standby
                broker: {url: "mqtt://127.0.0.1:%d", client_id: piha-agent-sync}
                services: [{name: home-assistant}]
                sync: {repository: %s, branch: standby, checkout: %s}
                audit: {file: %s, fsync: false, syslog: false}
                """.formatted(broker.port(), repo, dir.resolve("ha-config"), dir.resolve("agent-audit.jsonl"));
    }

    @Test
    void theStandbyBranchMovesIsPublishedAndCheckedOutAndTheFlagFreezesIt() throws Exception {
        Path repoDir = dir.resolve("ha.git");
        ConfigLoader loader = new ConfigLoader(Map.of());
        try (TestRepo repo = TestRepo.createBare(repoDir); Watcher watcher = new Watcher()) {
            ObjectId first = repo.commit("main", Instant.now().minusSeconds(60), "first: 1");
            try (ControlPlaneService cp = new ControlPlaneService(loader.parseControlPlane("cp.yaml",
                    controlPlaneYaml(repoDir)), CLOCK).start(dir.resolve("state"));
                 AgentService agent = new AgentService(loader.parseAgent("agent.yaml", agentYaml(repoDir)), CLOCK).start()) {

                assertThat(waitFor(() -> repo.head("standby").filter(first::equals).isPresent())).isTrue();
                assertThat(waitFor(() -> watcher.seen("\"event\":\"sync_synced\""))).as("events %s", watcher.events).isTrue();
                assertThat(agent.agents()).hasSize(1);
                assertThat(watcher.events).anySatisfy(e -> assertThat(e).contains("\"service\":\"home-assistant\"")
                        .contains("\"healthy\":\"true\"").contains("\"to\":\"" + first.name() + "\""));
                Path live = dir.resolve("ha-config/current/configuration.yaml");
                assertThat(waitFor(() -> Files.exists(live))).as("the agent checked the standby branch out").isTrue();
                assertThat(Files.readString(live)).contains("first: 1");
                assertThat(cp.snapshot().configSync()).hasValueSatisfying(s -> assertThat(s)
                        .startsWith("standby branch at " + first.name().substring(0, 10)));

                watcher.publishRetained("piha/leader/home-assistant/sync_freeze", "true");
                assertThat(waitFor(() -> cp.snapshot().configSync().orElse("").contains("frozen by mqtt"))).isTrue();
                ObjectId second = repo.commit("main", Instant.now().minusSeconds(60), "second: 2");
                Thread.sleep(600);
                assertThat(repo.head("standby")).as("frozen: the standby stays").contains(first);

                watcher.publishRetained("piha/leader/home-assistant/sync_freeze", "false");
                assertThat(waitFor(() -> repo.head("standby").filter(second::equals).isPresent())).isTrue();
            } finally {
                watcher.publishRetained("piha/leader/home-assistant/sync_freeze", "");
            }
        }
    }

    @Test
    void aLeadershipFreezeFreezesSyncAndPublishesTheRetainedFlag() throws Exception {
        Path repoDir = dir.resolve("ha.git");
        ConfigLoader loader = new ConfigLoader(Map.of());
        try (TestRepo repo = TestRepo.createBare(repoDir); Watcher watcher = new Watcher()) {
            repo.commit("main", Instant.now().minusSeconds(60), "first: 1");
            try (ControlPlaneService cp = new ControlPlaneService(loader.parseControlPlane("cp.yaml",
                    controlPlaneYaml(repoDir)), CLOCK).start(dir.resolve("state"))) {
                var plane = cp.plane(ServiceName.HOME_ASSISTANT).orElseThrow();

                watcher.publish("piha/leader/home-assistant/cmd", "freeze");

                assertThat(waitFor(() -> plane.state().frozen())).isTrue();
                assertThat(waitFor(() -> watcher.retained("piha/leader/home-assistant/sync_freeze").contains("\"frozen\":true")))
                        .as("flags seen: %s", watcher.flags).isTrue();
                assertThat(waitFor(() -> cp.snapshot().configSync().orElse("").contains("frozen by nas"))).isTrue();

                watcher.publish("piha/leader/home-assistant/cmd", "thaw");

                assertThat(waitFor(() -> watcher.retained("piha/leader/home-assistant/sync_freeze").equals("false"))).isTrue();
                assertThat(waitFor(() -> !cp.snapshot().configSync().orElse("").contains("frozen"))).isTrue();
            } finally {
                watcher.publishRetained("piha/leader/home-assistant/sync_freeze", "");
            }
        }
    }

    /** A raw MQTT client, as an operator with mosquitto_pub and mosquitto_sub would be. */
    private static final class Watcher implements AutoCloseable {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<String> flags = new CopyOnWriteArrayList<>();
        private final Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5()
                .identifier("watcher-" + System.nanoTime()).serverHost("127.0.0.1").serverPort(broker.port()).buildBlocking();

        Watcher() {
            client.connect();
            client.toAsync().subscribeWith().topicFilter("piha/leader/home-assistant/#").qos(MqttQos.AT_LEAST_ONCE)
                    .callback(p -> {
                        String text = new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8);
                        if (p.getTopic().toString().endsWith("/events")) {
                            events.add(text);
                        } else if (p.getTopic().toString().endsWith("/sync_freeze")) {
                            flags.add(text);
                        }
                    }).send().join();
        }

        boolean seen(String fragment) {
            return events.stream().anyMatch(e -> e.contains(fragment));
        }

        String retained(String topic) {
            return flags.isEmpty() ? "" : flags.get(flags.size() - 1);
        }

        void publish(String topic, String payload) {
            client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8))
                    .send();
        }

        void publishRetained(String topic, String payload) {
            client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                    .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
        }

        @Override
        public void close() {
            client.disconnect();
        }
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
