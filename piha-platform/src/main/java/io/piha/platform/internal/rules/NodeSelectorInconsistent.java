package io.piha.platform.internal.rules;

import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.model.Workload;
import io.piha.platform.internal.yaml.YamlMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A8: node selectors that disagree, or are missing where the other services have one. */
final class NodeSelectorInconsistent implements AuditRule {

    static final Rule RULE = new Rule("node-selector-inconsistent", Severity.LOW, Phase.OBSERVABILITY,
            "Node selectors that disagree",
            "When most services pin a node and one does not (or pins another value of the same label), adding a "
                    + "second node moves that service away from its storage and its peers unannounced.",
            "Give every long-running workload the same nodeSelector (or none at all); pin a different node "
                    + "only on purpose, with a suppression that says why.",
            Optional.of("A8"), "Phase 0 A8: Missing Node Selector on Loki");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        List<Workload> services = p.workloads().stream().filter(Workload::isService).toList();
        Map<Workload, Map<String, String>> selectors = services.stream()
                .collect(Collectors.toMap(Function.identity(), NodeSelectorInconsistent::selector, (a, b) -> a));
        Map<Map<String, String>, Long> counts = selectors.values().stream().filter(s -> !s.isEmpty())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Optional<Map<String, String>> usual = counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
        if (usual.isEmpty()) {
            return;
        }
        long pinned = counts.get(usual.get());
        for (Workload w : services) {
            Map<String, String> own = selectors.get(w);
            if (own.isEmpty()) {
                findings.add(RULE, w.podSpecLocation(), w.describe() + " has no nodeSelector while " + pinned
                        + " other workloads pin " + describe(usual.get()));
            } else {
                usual.get().forEach((k, v) -> {
                    if (own.containsKey(k) && !own.get(k).equals(v)) {
                        findings.add(RULE, w.podSpec().map("nodeSelector").get().keyLocation(k), w.describe()
                                + " pins " + k + "=" + own.get(k) + " while " + pinned + " workloads pin " + k + "=" + v);
                    }
                });
            }
        }
    }

    private static String describe(Map<String, String> selector) {
        return selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static Map<String, String> selector(Workload w) {
        Map<String, String> out = new TreeMap<>();
        w.podSpec().map("nodeSelector").map(YamlMap::entries).ifPresent(e -> e.forEach((k, v) -> v.asScalar()
                .ifPresent(s -> out.put(k, s.text()))));
        return out;
    }
}
