package io.piha.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code .piha-audit.yaml}: accepted findings stay in the report, marked, with their reason; never silently. */
class SuppressionTest {

    private final AuditReport report = Fixtures.audit("suppressions");

    private Finding only(String ruleId) {
        List<Finding> found = report.findings().stream().filter(f -> f.rule().id().equals(ruleId)).toList();
        assertThat(found).as(ruleId).hasSize(1);
        return found.get(0);
    }

    private List<String> at(String ruleId) {
        return report.findings().stream().filter(f -> f.rule().id().equals(ruleId))
                .map(f -> f.location().toString()).sorted().toList();
    }

    @Test
    void aSuppressedFindingIsStillReportedWithItsReasonAndWhereItIsDeclared() {
        Finding hostNetwork = only("host-network");

        assertThat(hostNetwork.isSuppressed()).isTrue();
        assertThat(hostNetwork.suppression().orElseThrow().reason()).startsWith("Matter needs IPv6");
        assertThat(hostNetwork.suppression().orElseThrow().declaredAt()).isEqualTo(new Location(".piha-audit.yaml", 3));
        assertThat(report.suppressed()).containsExactly(hostNetwork);
        assertThat(report.unsuppressed()).doesNotContain(hostNetwork);
    }

    @Test
    void aSuppressionWithoutAReasonIsAFindingAndSuppressesNothing() {
        assertThat(only("privileged-container").isSuppressed()).isFalse();
        assertThat(at("suppression-invalid")).contains(".piha-audit.yaml:6");
        assertThat(report.findings()).filteredOn(f -> f.location().equals(new Location(".piha-audit.yaml", 6)))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("has no reason"));
    }

    @Test
    void unknownRulesMissingRulesAndBadLinesAreInvalidEntries() {
        assertThat(at("suppression-invalid")).containsExactly(".piha-audit.yaml:12", ".piha-audit.yaml:14",
                ".piha-audit.yaml:15", ".piha-audit.yaml:6");
    }

    @Test
    void aSuppressionThatMatchesNothingIsReportedAsUnused() {
        assertThat(at("suppression-unused")).containsExactly(".piha-audit.yaml:9");
        assertThat(only("literal-credential").isSuppressed()).isFalse();
    }

    @Test
    void suppressedFindingsNeverChangeTheExitCode() {
        assertThat(report.exitCode(Severity.HIGH)).isEqualTo(AuditReport.EXIT_FINDINGS);
        assertThat(report.unsuppressed()).noneMatch(f -> f.rule().id().equals("host-network"));
        assertThat(report.count(Severity.MEDIUM)).isEqualTo(report.unsuppressed().stream()
                .filter(f -> f.severity() == Severity.MEDIUM).count());
    }

    @Test
    void theTextReportMarksTheSuppressedFindingInPlace() {
        String text = new TextReport().render(report);

        assertThat(text).contains("[suppressed MEDIUM] A4 host-network  apps/matter.yaml:14")
                .contains("    suppressed: Matter needs IPv6").contains(", 1 suppressed;")
                .contains(Phase.ASSESSMENT.heading());
    }
}
