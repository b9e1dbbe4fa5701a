package io.piha.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.LeadershipMessage.AvailabilityChanged;
import io.piha.api.leadership.LeadershipMessage.EventRecorded;
import io.piha.api.leadership.LeadershipMessage.HeartbeatPublished;
import io.piha.api.leadership.LeadershipMessage.StateChanged;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Home Assistant package under {@code docs/home-assistant} is read as YAML, every {@code mqtt.publish}
 * in it is rendered with sample values, and the result must be what the codec accepts on that topic.
 */
class HomeAssistantPackageTest {

    private static final Path PACKAGE = Path.of("..", "docs", "home-assistant", "piha_leadership.yaml");
    private static final Instant NOW = Instant.parse("2025-10-05T20:15:01Z");
    /** What Home Assistant would render for each template expression the package uses. */
    private static final Map<String, String> SAMPLES = Map.of(
            "now().isoformat()", "2025-10-05T22:15:00.481516+02:00",
            "states('input_text.piha_host_id')", "haos-primary",
            "states('input_number.piha_epoch') | int", "4",
            "trigger.payload_json.epoch | int", "5",
            "trigger.payload_json.id", "nas-cmd-7");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}", Pattern.DOTALL);

    private static JsonNode pkg;
    private final LeadershipCodec codec = LeadershipCodec.v1();

    @BeforeAll
    static void readPackage() throws IOException {
        pkg = new YAMLMapper().readTree(PACKAGE.toFile());
    }

    record Publish(String automation, String topic, String payload, boolean retain) {
    }

    private static List<Publish> publishes() {
        List<Publish> out = new ArrayList<>();
        for (JsonNode automation : pkg.get("automation")) {
            collect(automation.get("id").asText(), automation.get("action"), out);
        }
        return out;
    }

    private static void collect(String automation, JsonNode node, List<Publish> out) {
        if (node == null) {
            return;
        }
        if (node.isObject() && "mqtt.publish".equals(node.path("service").asText(node.path("action").asText()))) {
            JsonNode data = node.get("data");
            out.add(new Publish(automation, render(data.get("topic").asText()), render(data.get("payload").asText()),
                    data.path("retain").asBoolean(false)));
        }
        node.elements().forEachRemaining(child -> collect(automation, child, out));
    }

    private static String render(String template) {
        Matcher m = TEMPLATE.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String expr = m.group(1).replaceAll("\\s+", " ");
            assertThat(SAMPLES).as("a sample value for the template expression {{ %s }}", expr).containsKey(expr);
            m.appendReplacement(sb, Matcher.quoteReplacement(SAMPLES.get(expr)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private LeadershipMessage decode(Publish p) {
        DecodeResult r = codec.decode(p.topic(), p.payload().getBytes(StandardCharsets.UTF_8), false, NOW);
        assertThat(r).as("%s publishes on %s: %s", p.automation(), p.topic(), p.payload())
                .isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).message();
    }

    @Test
    void everyPublicationOfThePackageIsAcceptedByTheCodec() {
        List<Publish> all = publishes();

        assertThat(all).hasSizeGreaterThanOrEqualTo(10);
        all.forEach(this::decode);
    }

    @Test
    void heartbeatCarriesTheEpochIsRetainedAndIsSentOnlyWhileLeader() {
        JsonNode automation = automation("piha_heartbeat");
        Publish hb = publishes().stream().filter(p -> p.automation().equals("piha_heartbeat")).findFirst().orElseThrow();

        var heartbeat = ((HeartbeatPublished) decode(hb)).heartbeat();
        assertThat(heartbeat.host()).isEqualTo(HostId.of("haos-primary"));
        assertThat(heartbeat.epoch()).contains(Epoch.of(4));
        assertThat(hb.retain()).isTrue();
        assertThat(automation.get("condition").toString()).contains("input_boolean.piha_leader").contains("\"on\"");
    }

    @Test
    void aRebootNeverReclaimsLeadership() {
        assertThat(pkg.at("/input_boolean/piha_leader/initial").asBoolean(true)).isFalse();
        assertThat(automation("piha_start_as_standby").get("action").toString())
                .contains("input_boolean.turn_off").doesNotContain("turn_on");
        List<String> claimers = publishes().stream()
                .filter(p -> decode(p) instanceof StateChanged s && s.state().equals(java.util.Optional.of(LeaderState.LEADER)))
                .map(Publish::automation).distinct().toList();
        assertThat(claimers).containsExactlyInAnyOrder("piha_plain_promote", "piha_envelope_command");
        for (String id : claimers) {
            assertThat(automation(id).get("trigger").toString()).contains("piha/leader/home-assistant/cmd");
        }
    }

    @Test
    void envelopeCommandsAreAcknowledgedWithTheirIdAndGrantedEpoch() {
        List<EventRecorded> acks = publishes().stream().filter(p -> p.automation().equals("piha_envelope_command"))
                .map(this::decode).filter(EventRecorded.class::isInstance).map(EventRecorded.class::cast).toList();

        assertThat(acks).hasSize(2).allSatisfy(a -> assertThat(a.event().commandId()).contains("nas-cmd-7"));
        assertThat(acks).anySatisfy(a -> assertThat(a.event().epoch()).contains(Epoch.of(5)));
    }

    @Test
    void availabilityIsAnnouncedOnTheTopicTheArbiterWatches() {
        Publish online = publishes().stream().filter(p -> p.topic().contains("/availability/")).findFirst().orElseThrow();

        assertThat(decode(online)).isEqualTo(new AvailabilityChanged(io.piha.api.leadership.ServiceName.HOME_ASSISTANT,
                HostId.of("haos-primary"), io.piha.api.leadership.Availability.ONLINE));
    }

    @Test
    void everyTopicTheAutomationsListenToBelongsToTheContract() {
        LeadershipTopics topics = LeadershipTopics.v1();
        var ha = io.piha.api.leadership.ServiceName.HOME_ASSISTANT;
        List<String> listened = new ArrayList<>();
        for (JsonNode automation : pkg.get("automation")) {
            automation.get("trigger").forEach(t -> {
                if (t.has("topic")) {
                    listened.add(t.get("topic").asText());
                }
            });
        }

        assertThat(listened).isNotEmpty().allSatisfy(t -> assertThat(t).isIn(topics.state(ha), topics.command(ha),
                topics.lease(ha)));
    }

    private static JsonNode automation(String id) {
        for (JsonNode a : pkg.get("automation")) {
            if (a.get("id").asText().equals(id)) {
                return a;
            }
        }
        throw new AssertionError("no automation " + id);
    }
}
