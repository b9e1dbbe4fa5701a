package io.piha.platform.internal.repo;

import io.piha.platform.Location;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.HaConfig;
import io.piha.platform.internal.model.Manifest;
import io.piha.platform.internal.source.InputRules;
import io.piha.platform.internal.source.SourceTree;
import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlNode;
import io.piha.platform.internal.yaml.YamlScalar;
import io.piha.platform.internal.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds Home Assistant configurations ({@code configuration.yaml} files, ConfigMap keys, multi-line values) and
 * resolves {@code !include} and {@code !secret} inside the repository the way Home Assistant does: includes
 * relative to the including file, secrets from the nearest {@code secrets.yaml} up the directories.
 */
final class HomeAssistantConfigs {

    private static final int MAX_INCLUDE_DEPTH = 10;

    private final SourceTree tree;
    private final Findings findings;
    private final Map<Location, HaConfig> found = new LinkedHashMap<>();

    HomeAssistantConfigs(SourceTree tree, Findings findings) {
        this.tree = tree;
        this.findings = findings;
    }

    /** A {@code configuration.yaml} file. */
    void file(String path) {
        tree.documents(path).stream().flatMap(d -> d.asMap().stream()).findFirst()
                .ifPresent(m -> candidate(m, path, true));
    }

    /** Every {@code *.yaml} key of a ConfigMap. */
    void configMap(Manifest cm) {
        cm.node().map("data").ifPresent(data -> data.entries().forEach((key, value) -> {
            if ((key.endsWith(".yaml") || key.endsWith(".yml")) && value instanceof YamlScalar s) {
                block(s, "ConfigMap " + cm.name() + " key " + key);
            }
        }));
    }

    /** Every multi-line string of a values tree that parses as a Home Assistant configuration. */
    void values(YamlNode node, String what) {
        if (node instanceof YamlMap m) {
            m.entries().values().forEach(v -> values(v, what));
        } else if (node instanceof YamlSeq s) {
            s.items().forEach(v -> values(v, what));
        } else if (node instanceof YamlScalar s && s.kind() == YamlScalar.Kind.STRING && s.text().contains("\n")
                && s.text().contains(":")) {
            block(s, what);
        }
    }

    private void block(YamlScalar s, String what) {
        if (!HaConfig.mayBeHomeAssistant(s.text())) {
            return; // most ConfigMaps and values blocks are something else; no need to parse them
        }
        tree.parse(s.text(), s.content(), what).stream().flatMap(d -> d.asMap().stream()).findFirst()
                .ifPresent(m -> candidate(m, what, false));
    }

    /**
     * A configuration file of the repository reports an {@code !include} of a missing file; one embedded in a
     * ConfigMap or values may include files of the pod's /config volume (automations.yaml, written by the UI),
     * so there only an include found next to it is followed.
     */
    private void candidate(YamlMap map, String what, boolean standalone) {
        if (HaConfig.looksLikeHomeAssistant(map) && !found.containsKey(map.location())) {
            String dir = SourceTree.directoryOf(map.location().path());
            YamlMap resolved = (YamlMap) new Resolver(standalone).resolve(map, dir, 0);
            found.put(map.location(), new HaConfig(resolved, what));
        }
    }

    List<HaConfig> all() {
        return new ArrayList<>(found.values());
    }

    /** Follows !include and !secret from one configuration. */
    private final class Resolver {
        private final boolean standalone;

        Resolver(boolean standalone) {
            this.standalone = standalone;
        }

        private YamlNode resolve(YamlNode node, String dir, int depth) {
            if (node instanceof YamlMap m) {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                m.entries().forEach((k, v) -> entries.put(k, resolve(v, dir, depth)));
                return new YamlMap(m.location(), entries, m.keys());
            }
            if (node instanceof YamlSeq s) {
                return new YamlSeq(s.location(), s.items().stream().map(i -> resolve(i, dir, depth)).toList());
            }
            YamlScalar scalar = (YamlScalar) node;
            if (scalar.hasTag("include")) {
                return include(scalar, dir, depth);
            }
            if (scalar.hasTag("secret")) {
                return secret(scalar, dir).orElse(scalar);
            }
            return scalar;
        }

        private YamlNode include(YamlScalar scalar, String dir, int depth) {
            Optional<String> path = tree.resolve(dir, scalar.text());
            if (path.isEmpty()) {
                findings.add(InputRules.REFERENCE_OUTSIDE, scalar.location(), "!include " + scalar.text()
                        + " leaves the repository: Home Assistant would read it from the host, this audit did not");
                return scalar;
            }
            if (!tree.isFile(path.get())) {
                if (standalone) {
                    findings.add(InputRules.REFERENCE_MISSING, scalar.location(), "!include " + scalar.text()
                            + " names no file of the repository (" + path.get() + "): Home Assistant will refuse to start");
                }
                return scalar;
            }
            if (depth >= MAX_INCLUDE_DEPTH) {
                findings.add(InputRules.REFERENCE_MISSING, scalar.location(), "!include " + scalar.text()
                        + " is more than " + MAX_INCLUDE_DEPTH + " includes deep (a cycle?); not followed");
                return scalar;
            }
            return tree.documents(path.get()).stream().findFirst()
                    .map(doc -> resolve(doc, SourceTree.directoryOf(path.get()), depth + 1))
                    .orElse(YamlScalar.synthetic(new Location(path.get(), 1), ""));
        }

        private Optional<YamlNode> secret(YamlScalar scalar, String dir) {
            String d = dir;
            while (true) {
                String candidate = d.equals(".") ? "secrets.yaml" : d + "/secrets.yaml";
                if (tree.isFile(candidate)) {
                    Optional<YamlNode> value = tree.documents(candidate).stream().flatMap(n -> n.asMap().stream())
                            .findFirst().flatMap(m -> m.get(scalar.text()));
                    if (value.isPresent()) {
                        return value;
                    }
                }
                if (d.equals(".")) {
                    return Optional.empty();
                }
                d = SourceTree.directoryOf(d);
            }
        }
    }
}
