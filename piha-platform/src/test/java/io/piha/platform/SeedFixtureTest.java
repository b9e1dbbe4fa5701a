package io.piha.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The seed's Phase 0 repository, rebuilt: the audit reports V1-V6 and A1-A8 one for one, at the files and lines
 * the seed names; after phases 1-6 it reports nothing.
 */
class SeedFixtureTest {

    private static final String VALUES = "charts/home-assistant/values.yaml";
    private static final String DEPLOYMENT = "charts/home-assistant/templates/deployment.yaml";
    private static final String LOKI = "clusters/microk8s/infrastructure/observability/loki-deployment.yaml";

    /** A seed item: the rule that must report it, and the file and lines the seed gives (0, 0: any line). */
    private record SeedItem(String rule, Set<String> paths, int from, int to) {
        boolean matches(Finding f) {
            int line = f.location().line();
            return f.rule().id().equals(rule) && (paths.isEmpty() || paths.contains(f.location().path()))
                    && (from == 0 || line >= from && line <= to);
        }
    }

    private static final Map<String, SeedItem> SEED = Map.ofEntries(
            Map.entry("V1", new SeedItem("recorder-sqlite", Set.of(VALUES), 72, 73)),
            Map.entry("V2", new SeedItem("recorder-postgresql-missing",
                    Set.of("clusters/microk8s/databases/postgresql/"), 0, 0)),
            Map.entry("V3", new SeedItem("matter-in-ha-pod", Set.of(DEPLOYMENT), 159, 179)),
            Map.entry("V4", new SeedItem("usb-device-in-ha-pod", Set.of(DEPLOYMENT), 148, 150)),
            Map.entry("V5", new SeedItem("zigbee-stack-missing", Set.of(), 0, 0)),
            Map.entry("V6", new SeedItem("influxdb-retention-short",
                    Set.of("clusters/microk8s/databases/influxdb/helmrelease.yaml"), 35, 35)),
            Map.entry("A1", new SeedItem("storageclass-default-duplicate",
                    Set.of("clusters/microk8s/storage/ssd-storageclass.yaml",
                            "clusters/microk8s/infrastructure/storage/nfs-provisioner.yaml"), 6, 6)),
            Map.entry("A2", new SeedItem("privileged-container", Set.of(DEPLOYMENT), 137, 137)),
            Map.entry("A3", new SeedItem("literal-credential",
                    Set.of("clusters/microk8s/infrastructure/observability/grafana-deployment.yaml"), 43, 44)),
            Map.entry("A4", new SeedItem("host-network", Set.of(VALUES), 7, 8)),
            Map.entry("A5", new SeedItem("chart-namespace-hardcoded", Set.of(DEPLOYMENT), 4, 4)),
            Map.entry("A6", new SeedItem("resources-missing", Set.of(LOKI), 45, 50)),
            Map.entry("A7", new SeedItem("bluetooth-host-mount", Set.of(DEPLOYMENT), 152, 156)),
            Map.entry("A8", new SeedItem("node-selector-inconsistent", Set.of(LOKI), 0, 0)));

    private static List<String> labelsOf(Finding f) {
        return SEED.entrySet().stream().filter(e -> e.getValue().matches(f)).map(Map.Entry::getKey).toList();
    }

    @Test
    void phase0ReportsV1ToV6AndA1ToA8OneForOneAtTheSeedsFilesAndLines() {
        AuditReport report = Fixtures.audit("seed-phase0");

        Map<String, List<String>> labels = new TreeMap<>();
        for (Finding f : report.findings()) {
            assertThat(labelsOf(f)).as("seed items matching %s %s: %s", f.rule().id(), f.location(), f.message())
                    .hasSize(1);
            labels.computeIfAbsent(labelsOf(f).get(0), k -> new java.util.ArrayList<>()).add(f.location().toString());
        }
        assertThat(labels.keySet()).containsExactlyInAnyOrderElementsOf(SEED.keySet());
        assertThat(labels.values()).allSatisfy(at -> assertThat(at).hasSize(1));
        assertThat(report.findings()).hasSize(14).noneMatch(Finding::isSuppressed);
    }

    @Test
    void eachPhase0FindingCarriesTheSeedLabelOfItsRule() {
        for (Finding f : Fixtures.audit("seed-phase0").findings()) {
            assertThat(f.rule().seedLabel()).as(f.rule().id()).contains(labelsOf(f).get(0));
        }
    }

    @Test
    void theDuplicateDefaultStorageClassNamesBothFiles() {
        Finding a1 = Fixtures.audit("seed-phase0").findings().stream()
                .filter(f -> f.rule().id().equals("storageclass-default-duplicate")).findFirst().orElseThrow();

        Set<String> files = new java.util.TreeSet<>(a1.related().stream().map(Location::toString).toList());
        files.add(a1.location().toString());
        assertThat(files).containsExactly("clusters/microk8s/infrastructure/storage/nfs-provisioner.yaml:6",
                "clusters/microk8s/storage/ssd-storageclass.yaml:6");
    }

    @Test
    void phase0CriticalsAreTheSixViolations() {
        AuditReport report = Fixtures.audit("seed-phase0");

        assertThat(report.findings().stream().filter(f -> f.severity() == Severity.CRITICAL)
                .map(f -> f.rule().seedLabel().orElseThrow()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("V1", "V2", "V3", "V4", "V5", "V6");
        assertThat(report.exitCode(Severity.CRITICAL)).isEqualTo(AuditReport.EXIT_FINDINGS);
    }

    @Test
    void afterPhases1To6NothingIsFound() {
        AuditReport report = Fixtures.audit("seed-after");

        assertThat(report.findings()).isEmpty();
        assertThat(report.exitCode(Severity.INFO)).isEqualTo(AuditReport.EXIT_CLEAN);
        assertThat(report.manifestsRead()).isGreaterThan(Fixtures.audit("seed-phase0").manifestsRead());
    }

    @Test
    void theTextReportListsPhase0FindingsInTheSeedsPhaseOrder() {
        String text = new TextReport().render(Fixtures.audit("seed-phase0"));

        List<Integer> headings = java.util.Arrays.stream(Phase.values()).filter(p -> p != Phase.ASSESSMENT)
                .map(p -> text.indexOf(p.heading())).toList();
        assertThat(headings).doesNotContain(-1).isSorted();
        assertThat(text).doesNotContain(Phase.ASSESSMENT.heading());
        assertThat(text).contains("\n[CRITICAL] V1 recorder-sqlite  charts/home-assistant/values.yaml:73  In ")
                .contains("\n[LOW]      A8 node-selector-inconsistent  " + LOKI + ":")
                .contains("Phase 6 \u2014 Backups & Disaster Recovery: nothing found");
        assertThat(text.indexOf("[CRITICAL] V6")).isBetween(text.indexOf(Phase.METRICS.heading()),
                text.indexOf(Phase.OBSERVABILITY.heading()));
    }
}
