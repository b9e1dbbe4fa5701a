package io.piha.http.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard in docs/ reads only metrics the control plane exports. */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "piha-control-plane.json");

    @Test
    void everyExpressionOfTheDashboardNamesOnlyExportedMetrics() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> expressions.add(e.asText()));
        dashboard.path("templating").path("list").forEach(v -> v.findValues("definition")
                .forEach(d -> expressions.add(d.asText())));
        Set<String> used = new LinkedHashSet<>();

        for (String expr : expressions) {
            Set<String> names = PromQlNames.of(expr.replaceAll("label_values\\(([a-z_:]+), *\\w+\\)", "$1"));
            assertThat(names).as("metrics in %s", expr).isNotEmpty();
            assertThat(StatusMetrics.FAMILIES).as("exported families, for %s", expr).containsAll(names);
            used.addAll(names);
        }

        assertThat(expressions).hasSizeGreaterThan(15);
        assertThat(used).as("the counters are on the dashboard").containsAll(StatusCounters.FAMILIES.keySet());
        assertThat(dashboard.get("panels")).allSatisfy(p -> assertThat(p.get("targets")).isNotEmpty());
    }

    @Test
    void theNameReaderFindsEveryMetricAndOnlyMetrics() {
        assertThat(PromQlNames.of("sum by (code, severity) (increase(piha_alerts_total{severity=\"critical\",x=~\"a|b\"}"
                + "[$__rate_interval])) / on(service) group_left(host) piha_leader_info offset 5m > bool 0.5e3"))
                .containsExactly("piha_alerts_total", "piha_leader_info");
        assertThat(PromQlNames.of("piha_poe_actions_in_window / piha_poe_action_limit"))
                .containsExactly("piha_poe_actions_in_window", "piha_poe_action_limit");
        assertThat(PromQlNames.of("rate(piha_typo_total[5m]) and piha_frozen{service=\"${service}\"} == 1"))
                .as("a name the control plane does not export is found, so the check can fail")
                .containsExactly("piha_typo_total", "piha_frozen");
    }
}
