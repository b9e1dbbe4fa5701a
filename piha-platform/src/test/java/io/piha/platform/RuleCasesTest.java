package io.piha.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule has a minimal repository where it fires and one where it does not:
 * {@code src/test/resources/rules/<rule-id>/fires} and {@code .../clean}.
 */
class RuleCasesTest {

    /** A failing check is reported by rule-failed; no well-formed repository can make it fire on purpose. */
    private static final Set<String> WITHOUT_CASE = Set.of("rule-failed");

    static Stream<String> ruleIds() {
        try (Stream<Path> dirs = Files.list(Fixtures.path("rules"))) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Finding> findingsOf(String ruleId, String variant) {
        AuditReport report = PlatformAudit.ofDefaults().audit(Fixtures.path("rules/" + ruleId + "/" + variant));
        return report.findings().stream().filter(f -> f.rule().id().equals(ruleId)).toList();
    }

    @ParameterizedTest(name = "{0} fires on its minimal case, with a file and a line")
    @MethodSource("ruleIds")
    void theRuleFiresOnItsMinimalCase(String ruleId) {
        List<Finding> found = findingsOf(ruleId, "fires");

        assertThat(found).as("findings of %s", ruleId).isNotEmpty();
        assertThat(found).allSatisfy(f -> {
            assertThat(f.location().path()).isNotBlank();
            assertThat(f.message()).isNotBlank();
        });
        assertThat(found).anySatisfy(f -> assertThat(f.location().hasLine() || f.location().path().endsWith("/"))
                .as("%s points at a line or a directory", f.location()).isTrue());
    }

    @ParameterizedTest(name = "{0} stays silent on its clean case")
    @MethodSource("ruleIds")
    void theRuleStaysSilentOnItsCleanCase(String ruleId) {
        assertThat(findingsOf(ruleId, "clean")).as("findings of %s", ruleId).isEmpty();
    }

    @Test
    void everyRuleOfTheCatalogueHasACase() {
        Set<String> withCase = ruleIds().collect(Collectors.toSet());
        Set<String> catalogue = PlatformAudit.rules().stream().map(Rule::id).collect(Collectors.toSet());

        assertThat(withCase).isSubsetOf(catalogue);
        assertThat(catalogue).containsAll(WITHOUT_CASE);
        catalogue.removeAll(WITHOUT_CASE);
        assertThat(withCase).containsExactlyInAnyOrderElementsOf(catalogue);
    }
}
