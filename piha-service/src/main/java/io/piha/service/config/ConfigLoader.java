package io.piha.service.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads the runners' YAML files: interpolates {@code ${VAR}} and {@code ${VAR:-default}} from the
 * environment, rejects unknown and duplicate keys, converts and validates every value, and checks the
 * references between sections. Every problem of a file is reported at once in one {@link ConfigException},
 * each as {@code key.path: message (value: ...)} with secrets shown as {@code ******}. Thread-safe.
 *
 * <pre>{@code
 * ControlPlaneConfig config = ConfigLoader.fromSystemEnvironment().loadControlPlane(Path.of("/etc/piha/control-plane.yaml"));
 * }</pre>
 *
 * @since 0.1
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    private final Map<String, String> environment;

    /** A loader that interpolates from the given variables (tests, or a secrets file read beforehand). */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /** A loader that interpolates from the process environment. */
    public static ConfigLoader fromSystemEnvironment() {
        return new ConfigLoader(System.getenv());
    }

    /**
     * Loads a control-plane file.
     *
     * @throws ConfigException listing every problem, or naming the file if it cannot be read
     */
    public ControlPlaneConfig loadControlPlane(Path file) {
        return load(file.toString(), read(file), ControlPlaneReader::read);
    }

    /** Loads a control-plane configuration from YAML text; {@code source} names it in errors. */
    public ControlPlaneConfig parseControlPlane(String source, String yaml) {
        return load(source, yaml, ControlPlaneReader::read);
    }

    /**
     * Loads an agent file.
     *
     * @throws ConfigException listing every problem, or naming the file if it cannot be read
     */
    public AgentConfig loadAgent(Path file) {
        return load(file.toString(), read(file), AgentReader::read);
    }

    /** Loads an agent configuration from YAML text; {@code source} names it in errors. */
    public AgentConfig parseAgent(String source, String yaml) {
        return load(source, yaml, AgentReader::read);
    }

    /** The keys the control-plane reader asks for when it reads {@code yaml}, valid or not (for the docs' test). */
    Set<String> keysReadForControlPlane(String yaml) {
        return keysRead(yaml, ControlPlaneReader::read);
    }

    /** The keys the agent reader asks for when it reads {@code yaml}, valid or not (for the docs' test). */
    Set<String> keysReadForAgent(String yaml) {
        return keysRead(yaml, AgentReader::read);
    }

    private Set<String> keysRead(String yaml, Function<ConfigNode, ?> reader) {
        ConfigProblems problems = new ConfigProblems(new Interpolation(environment));
        reader.apply(new ConfigNode("", parse("(docs)", yaml), problems));
        return problems.keysRead();
    }

    /**
     * Reads one switch, given as the keys of a {@code switches} item (from a program or the command line's
     * flags), with the file's syntax, validation and messages; values may hold {@code ${VAR}}.
     *
     * @param source names the keys in errors, e.g. {@code command-line flags}
     * @throws ConfigException listing every problem
     */
    public SwitchConfig parseSwitch(String source, Map<String, ?> keys) {
        JsonNode tree = YAML.valueToTree(keys);
        ConfigProblems problems = new ConfigProblems(new Interpolation(environment));
        SwitchConfig config = SwitchesSection.readOne(new ConfigNode("", tree, problems));
        if (problems.count() > 0 || config == null) {
            throw new ConfigException(source, problems.all());
        }
        return config;
    }

    private <T> T load(String source, String yaml, Function<ConfigNode, T> reader) {
        JsonNode tree = parse(source, yaml);
        ConfigProblems problems = new ConfigProblems(new Interpolation(environment));
        T config = reader.apply(new ConfigNode("", tree, problems));
        if (problems.count() > 0 || config == null) {
            throw new ConfigException(source, problems.all());
        }
        return config;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigProblem("(file)",
                    "cannot be read: " + e.getClass().getSimpleName() + " " + e.getMessage(), Optional.empty())));
        }
    }

    private static JsonNode parse(String source, String yaml) {
        try {
            JsonNode tree = YAML.readTree(yaml);
            if (tree == null || !tree.isObject()) {
                throw new ConfigException(source, List.of(new ConfigProblem("(file)",
                        "must be a YAML mapping of keys to values", Optional.empty())));
            }
            return tree;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "(file)"
                    : "(line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ConfigException(source, List.of(new ConfigProblem(where,
                    "is not valid YAML: " + e.getOriginalMessage(), Optional.empty())));
        }
    }
}
