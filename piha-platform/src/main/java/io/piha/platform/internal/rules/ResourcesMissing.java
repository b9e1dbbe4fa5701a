package io.piha.platform.internal.rules;

import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.Container;
import io.piha.platform.internal.model.Manifest;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.model.Release;
import io.piha.platform.internal.model.Workload;
import io.piha.platform.internal.yaml.YamlMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A6 and the critical rule: every workload has CPU and memory requests and limits. */
final class ResourcesMissing implements AuditRule {

    static final Rule RULE = new Rule("resources-missing", Severity.HIGH, Phase.HOME_ASSISTANT,
            "A container without CPU and memory requests and limits",
            "On an 8 GB Raspberry Pi one container without limits can starve Home Assistant or get the node's "
                    + "OOM killer to pick the wrong victim; without requests the scheduler cannot plan.",
            "Set resources.requests.cpu, requests.memory, limits.cpu and limits.memory on every container (for a "
                    + "remote chart, in its values), sized from what the container really uses.",
            Optional.of("A6"), "Critical Rules: All workloads MUST have CPU and memory requests/limits");

    private static final List<String> FIELDS = List.of("requests.cpu", "requests.memory", "limits.cpu",
            "limits.memory");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        Map<String, Set<String>> defaults = limitRangeDefaults(p);
        for (Workload w : p.workloads()) {
            Set<String> covered = defaults.getOrDefault(w.manifest().namespace(), Set.of());
            for (Container c : w.containers()) {
                List<String> missing = missing(c.node().map("resources"), covered);
                if (!missing.isEmpty()) {
                    findings.add(RULE, c.node().entries().containsKey("resources") ? c.node().keyLocation("resources")
                            : c.location(), w.describe() + " container " + c.name() + " has no "
                            + String.join(", ", missing));
                }
            }
        }
        p.releases().stream().filter(r -> r.localChart().isEmpty()).forEach(r -> release(r, findings));
    }

    private static List<String> missing(Optional<YamlMap> resources, Set<String> covered) {
        List<String> missing = new ArrayList<>();
        for (String field : FIELDS) {
            String[] parts = field.split("\\.");
            if (!covered.contains(field) && resources.flatMap(r -> r.textAt(parts[0], parts[1])).isEmpty()) {
                missing.add(field);
            }
        }
        return missing;
    }

    private static void release(Release r, Findings findings) {
        List<YamlMap> found = new ArrayList<>();
        List<YamlMap> parents = new ArrayList<>();
        ValuesWalk.walk(r.values(), (key, value, parent) -> {
            if (key.equals("resources") && value instanceof YamlMap m) {
                found.add(m);
                parents.add(parent);
            }
        });
        if (found.isEmpty()) {
            findings.add(RULE, r.manifest().spec().keyLocation("values"), r.describe() + " sets no resources for "
                    + "chart " + r.chart() + ": its pods get whatever the chart defaults to, usually nothing");
        }
        for (int i = 0; i < found.size(); i++) {
            List<String> missing = missing(Optional.of(found.get(i)), Set.of());
            if (!missing.isEmpty()) {
                findings.add(RULE, parents.get(i).keyLocation("resources"), r.describe() + " sets resources "
                        + "without " + String.join(", ", missing));
            }
        }
    }

    /** Per namespace, the fields a LimitRange fills in for containers that leave them out. */
    private static Map<String, Set<String>> limitRangeDefaults(Platform p) {
        Map<String, Set<String>> out = new HashMap<>();
        p.ofKind("LimitRange").map(Manifest.class::cast).forEach(lr -> lr.spec().seq("limits").ifPresent(s -> s.maps()
                .filter(l -> l.text("type").filter("Container"::equals).isPresent()).forEach(l -> {
                    Set<String> fields = out.computeIfAbsent(lr.namespace(), k -> new HashSet<>());
                    l.map("default").ifPresent(d -> d.entries().keySet().forEach(k -> fields.add("limits." + k)));
                    l.map("defaultRequest").ifPresent(d -> d.entries().keySet().forEach(k -> fields.add("requests." + k)));
                })));
        return out;
    }
}
