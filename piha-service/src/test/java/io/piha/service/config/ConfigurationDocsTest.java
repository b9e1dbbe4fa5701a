package io.piha.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md and the readers say the same: every key the docs show is one a reader asks for, and every
 * key a reader asks for is in the docs. A key path is its heading's path (e.g. {@code hosts[].probes[]}) plus the
 * key of the table row, list brackets dropped.
 */
class ConfigurationDocsTest {

    private static final Pattern H2 = Pattern.compile("^## (.+)$");
    private static final Pattern H3 = Pattern.compile("^### `([^`]+)`$");
    private static final Pattern KEY_ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\|.*");
    private static final Path DOCS = Path.of("..", "docs", "configuration.md");
    private static final Path VARIANTS = Path.of("src", "test", "resources", "config-variants");

    private static final Set<String> controlPlaneDocs = new TreeSet<>();
    private static final Set<String> agentDocs = new TreeSet<>();
    private static final Set<String> controlPlaneRead = new TreeSet<>();
    private static final Set<String> agentRead = new TreeSet<>();

    @BeforeAll
    static void readDocsAndReaders() throws IOException {
        parseDocs(Files.readAllLines(DOCS));
        ConfigLoader loader = new ConfigLoader(Map.of());
        for (Path example : List.of(Path.of("..", "docs", "examples", "control-plane.yaml"),
                VARIANTS.resolve("control-plane.yaml"))) {
            controlPlaneRead.addAll(loader.keysReadForControlPlane(Files.readString(example)));
        }
        String agent = Files.readString(VARIANTS.resolve("agent.yaml"));
        agentRead.addAll(loader.keysReadForAgent(Files.readString(Path.of("..", "docs", "examples", "agent.yaml"))));
        agentRead.addAll(loader.keysReadForAgent(agent));
        agentRead.addAll(loader.keysReadForAgent(agent.replaceAll("actuator: .*",
                "actuator: {type: shell, on_activate: [a], on_deactivate: [b], timeout: 60s}")));
    }

    private static void parseDocs(List<String> lines) {
        Set<String> file = null;
        boolean shared = false;
        String section = "";
        for (String line : lines) {
            Matcher h2 = H2.matcher(line);
            Matcher h3 = H3.matcher(line);
            if (h2.matches()) {
                file = switch (h2.group(1)) {
                    case "Control-plane file" -> controlPlaneDocs;
                    case "Agent file" -> agentDocs;
                    case "Sections both files share" -> controlPlaneDocs;
                    default -> null;
                };
                shared = h2.group(1).equals("Sections both files share");
                section = "";
            } else if (h3.matches()) {
                section = h3.group(1).replace("[]", "");
            } else if (file != null && line.startsWith("| ") && !line.startsWith("| key ") && !line.startsWith("|---")) {
                Matcher row = KEY_ROW.matcher(line);
                assertThat(row.matches()).as("a row of a key table must start with | `key` |: %s", line).isTrue();
                String path = section.isEmpty() ? row.group(1) : section + "." + row.group(1);
                file.add(path);
                if (shared) {
                    agentDocs.add(path);
                }
            }
        }
    }

    @Test
    void theDocsShowKeysOfBothFiles() {
        assertThat(controlPlaneDocs).contains("broker.url", "hosts.probes.url", "timings.max_clock_skew", "sync.window");
        assertThat(agentDocs).contains("broker.url", "actuator.on_activate", "sync.checkout", "timings.heartbeat_interval");
    }

    @Test
    void everyDocumentedControlPlaneKeyIsOneTheReaderKnows() {
        assertThat(unknown(controlPlaneDocs, controlPlaneRead)).as("documented, but no reader asks for them").isEmpty();
    }

    @Test
    void everyDocumentedAgentKeyIsOneTheReaderKnows() {
        assertThat(unknown(agentDocs, agentRead)).as("documented, but no reader asks for them").isEmpty();
    }

    @Test
    void everyKeyTheReadersKnowIsDocumented() {
        assertThat(unknown(controlPlaneRead, controlPlaneDocs)).as("control-plane keys missing from the docs").isEmpty();
        assertThat(unknown(agentRead, agentDocs)).as("agent keys missing from the docs").isEmpty();
    }

    private static List<String> unknown(Set<String> keys, Set<String> known) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (!known.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }
}
