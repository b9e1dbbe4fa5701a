package io.piha.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.ServiceName;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importable Node-RED flow docs/examples/node-red/leadership-gate.json: it subscribes to exactly the topics this
 * adapter publishes the lease and the heartbeats on (read from {@link LeadershipTopics}, never retyped), and its
 * function nodes, run on Node.js as the Node-RED runtime runs them and fed the payloads {@link LeadershipCodec}
 * writes, let a message through only while this host leads at the newest epoch with a running lease.
 */
class NodeRedGateFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ServiceName SERVICE = ServiceName.HOME_ASSISTANT;
    private static final HostId PRIMARY = HostId.of("haos-primary");
    private static final HostId STANDBY = HostId.of("haos-standby");
    private static final LeadershipCodec CODEC = LeadershipCodec.v1();
    private static final String GATE = "PiHA: leadership gate";

    @TempDir
    Path tmp;

    static Path flowFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path flow = dir.resolve("docs/examples/node-red/leadership-gate.json");
            if (Files.exists(flow)) {
                return flow;
            }
        }
        throw new IllegalStateException("no docs/examples/node-red/leadership-gate.json above " + Path.of("").toAbsolutePath());
    }

    private static List<JsonNode> nodes(String type) throws IOException {
        return StreamSupport.stream(JSON.readTree(flowFile().toFile()).spliterator(), false)
                .filter(n -> n.path("type").asText().equals(type)).toList();
    }

    @Test
    void theFlowSubscribesToExactlyTheLeaseAndHeartbeatTopicsTheAdapterPublishes() throws IOException {
        LeadershipTopics topics = CODEC.topics();
        Set<String> subscribed = new HashSet<>();
        for (JsonNode in : nodes("mqtt in")) {
            assertThat(subscribed.add(in.get("topic").asText())).as("subscribed once: %s", in).isTrue();
            assertThat(in.get("datatype").asText()).as("the function parses the text itself").isEqualTo("utf8");
        }
        assertThat(subscribed).containsExactlyInAnyOrder(topics.lease(SERVICE), topics.heartbeat(SERVICE));
        assertThat(subscribed).as("what the codec writes a lease and a heartbeat on").contains(
                CODEC.encode(lease(PRIMARY, 1, null, null)).topic(),
                CODEC.encode(heartbeat(PRIMARY, 1, "x")).topic());
    }

    @Test
    void everyWireLeadsToANodeOfTheFlowAndTheHostIsSetOnTheTab() throws IOException {
        JsonNode flow = JSON.readTree(flowFile().toFile());
        Set<String> ids = new HashSet<>();
        flow.forEach(n -> ids.add(n.get("id").asText()));
        flow.forEach(n -> n.path("wires").forEach(out -> out.forEach(id -> assertThat(ids).contains(id.asText()))));
        JsonNode tab = nodes("tab").get(0);
        assertThat(tab.get("env").findValuesAsText("name")).contains("PIHA_HOST_ID", "PIHA_GATE_MARGIN_MS");
        assertThat(nodes("mqtt in")).allSatisfy(n -> assertThat(ids).contains(n.get("broker").asText()));
        assertThat(nodes("function")).extracting(n -> n.get("name").asText()).contains(GATE);
    }

    @Test
    void theGateOpensOnlyWhileThisHostLeadsAtTheNewestEpochWithARunningLease() throws Exception {
        Scenario s = new Scenario();
        s.probe(0, "before anything");
        s.publish(100, CODEC.encode(lease(PRIMARY, 3, null, null)));
        s.probe(200, "granted, not yet renewed");
        s.publish(1_000, CODEC.encode(heartbeat(PRIMARY, 3, "hb-1")));
        s.publish(1_050, CODEC.encode(lease(PRIMARY, 3, Duration.ofSeconds(90), "hb-1")));
        s.probe(1_100, "renewed");
        s.probe(89_900, "just inside the lease less the margin");
        s.probe(90_100, "in the margin");
        s.publish(95_000, CODEC.encode(heartbeat(PRIMARY, 3, "hb-2")));
        s.publish(95_050, CODEC.encode(lease(PRIMARY, 3, Duration.ofSeconds(90), "hb-2")));
        s.probe(95_100, "renewed again");
        s.publish(96_000, CODEC.encode(lease(STANDBY, 4, null, null)));
        s.probe(96_100, "granted elsewhere at a newer epoch");
        s.publish(97_000, CODEC.encode(lease(PRIMARY, 3, Duration.ofSeconds(90), "hb-2")));
        s.probe(97_100, "an old grant arriving late");
        s.publish(98_000, CODEC.encode(heartbeat(STANDBY, 4, "hb-9")));
        s.publish(98_050, CODEC.encode(lease(STANDBY, 4, Duration.ofSeconds(90), "hb-9")));
        s.probe(98_100, "the other host's renewal");
        s.publish(99_000, CODEC.encode(lease(PRIMARY, 5, null, null)));
        s.publishRetained(99_500, CODEC.encode(heartbeat(PRIMARY, 5, "hb-3")));
        s.publish(99_550, CODEC.encode(lease(PRIMARY, 5, Duration.ofSeconds(90), "hb-3")));
        s.probe(99_600, "a renewal of a retained (old) heartbeat");
        s.publish(100_000, CODEC.encode(heartbeat(PRIMARY, 5, "hb-4")));
        s.publish(100_050, CODEC.encode(lease(PRIMARY, 5, Duration.ofSeconds(90), "hb-4")));
        s.probe(100_100, "re-granted and renewed");
        s.publish(101_000, new WireMessage(CODEC.topics().lease(SERVICE), new byte[0], true, Optional.empty()));
        s.probe(101_100, "lease cleared");

        List<JsonNode> answers = s.run();

        assertThat(answers).extracting(a -> a.get("probe").asText() + " -> " + a.get("output").asInt()).containsExactly(
                "before anything -> 1", "granted, not yet renewed -> 1", "renewed -> 0",
                "just inside the lease less the margin -> 0", "in the margin -> 1", "renewed again -> 0",
                "granted elsewhere at a newer epoch -> 1", "an old grant arriving late -> 1",
                "the other host's renewal -> 1", "a renewal of a retained (old) heartbeat -> 1",
                "re-granted and renewed -> 0", "lease cleared -> 1");
        assertThat(answers.get(2).get("piha").get("epoch").asLong()).isEqualTo(3);
        assertThat(answers.get(6).get("piha").get("reason").asText()).isEqualTo("the lease names haos-standby at epoch 4");
        assertThat(answers.get(10).get("piha").get("epoch").asLong()).isEqualTo(5);
        assertThat(answers.get(10).get("piha").get("leading").asBoolean()).isTrue();
    }

    private static LeadershipMessage lease(HostId holder, long epoch, Duration validFor, String renews) {
        Instant since = Instant.parse("2026-12-03T12:00:00Z");
        Lease lease = validFor == null ? new Lease(holder, Epoch.of(epoch), since)
                : Lease.renewal(holder, Epoch.of(epoch), since, validFor, renews);
        return new LeadershipMessage.LeaseGranted(SERVICE, lease);
    }

    private static LeadershipMessage heartbeat(HostId host, long epoch, String id) {
        return new LeadershipMessage.HeartbeatPublished(SERVICE,
                Heartbeat.of(host, Instant.parse("2026-12-03T12:00:00Z"), Epoch.of(epoch), id));
    }

    /** Steps fed to the flow's function nodes on Node.js by run-flow.js, at the times given (ms). */
    private final class Scenario {
        private final ArrayNode steps = JSON.createArrayNode();

        void publish(long at, WireMessage m) {
            step(at, m, false);
        }

        void publishRetained(long at, WireMessage m) {
            step(at, m, true);
        }

        private void step(long at, WireMessage m, boolean retain) {
            steps.addObject().put("at", at).put("topic", m.topic()).put("payload", m.text()).put("retain", retain);
        }

        void probe(long at, String label) {
            steps.addObject().put("at", at).put("probe", label);
        }

        List<JsonNode> run() throws Exception {
            boolean present = node().isPresent();
            assertThat(present || !"true".equals(System.getenv("PIHA_REQUIRE_NODE")))
                    .as("PIHA_REQUIRE_NODE=true but node is not on the PATH: apt-get install nodejs").isTrue();
            assumeTrue(present, "Node.js is not installed (apt-get install nodejs); .ci/run installs and requires it");
            Path scenario = tmp.resolve("scenario.json");
            Path runner = tmp.resolve("run-flow.js");
            Files.writeString(scenario, steps.toString());
            try (InputStream in = NodeRedGateFlowTest.class.getResourceAsStream("nodered/run-flow.js")) {
                Files.write(runner, in.readAllBytes());
            }
            Process p = new ProcessBuilder(node().get(), runner.toString(), flowFile().toString(), scenario.toString(), GATE)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            List<JsonNode> answers = new ArrayList<>();
            for (String line : out.strip().split("\n")) {
                answers.add(JSON.readTree(line));
            }
            return answers;
        }
    }

    private static Optional<String> node() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("node", "nodejs")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name).toString());
                }
            }
        }
        return Optional.empty();
    }
}
