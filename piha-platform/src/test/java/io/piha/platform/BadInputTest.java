package io.piha.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input is a finding with its file and line, never an exception, and the rest of the repository is still
 * read: {@code src/test/resources/bad-input} holds one of each next to findings that need the rest to be read.
 */
class BadInputTest {

    private final AuditReport report = Fixtures.audit("bad-input");

    private List<String> at(String ruleId) {
        return report.findings().stream().filter(f -> f.rule().id().equals(ruleId))
                .map(f -> f.location().toString()).sorted().toList();
    }

    @Test
    void unparseableYamlIsReportedAtItsLineAndTheDocumentsBeforeItAreRead() {
        assertThat(at("yaml-unparseable")).contains("apps/broken.yaml:16");
        assertThat(report.findings()).filteredOn(f -> f.rule().id().equals("yaml-unparseable"))
                .filteredOn(f -> f.location().path().equals("apps/broken.yaml"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("not valid YAML", "expected"));
        assertThat(at("image-unpinned")).containsExactly("apps/broken.yaml:9");
    }

    @Test
    void valuesOfAConfigMapThatDoNotParseAreReportedInTheirOwnFile() {
        assertThat(at("yaml-unparseable")).contains("values/broken-values.yaml:3");
    }

    @Test
    void aTemplateItCannotRenderIsReportedAndTheChartsOtherTemplatesAreRendered() {
        assertThat(at("template-unrendered")).containsExactly("charts/app/templates/service.yaml:4");
        assertThat(report.findings()).filteredOn(f -> f.rule().id().equals("template-unrendered")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("include"));
        assertThat(at("host-network")).contains("charts/app/values.yaml:2");
    }

    @Test
    void aMissingValuesFromConfigMapIsReportedAndTheOptionalOneIsNot() {
        assertThat(at("reference-missing")).contains("apps/release.yaml:18");
        assertThat(report.findings()).filteredOn(f -> f.rule().id().equals("reference-missing"))
                .noneMatch(f -> f.message().contains("optional-values"))
                .anyMatch(f -> f.message().contains("missing-values"));
    }

    @Test
    void valuesFromAGeneratedConfigMapAreReadWithTheirFileAndLine() {
        assertThat(at("host-network")).contains("values/remote-values.yaml:2");
    }

    @Test
    void includesOutsideTheRepositoryOrMissingAreReportedAndCustomTagsDoNotFail() {
        assertThat(at("reference-outside-repo")).containsExactly("ha/configuration.yaml:7");
        assertThat(at("reference-missing")).contains("ha/configuration.yaml:8");
        assertThat(at("recorder-sqlite")).as("db_url from !secret through !include").containsExactly("ha/secrets.yaml:2");
    }

    @Test
    void theRestOfTheRepositoryIsStillRead() {
        assertThat(at("privileged-container")).containsExactly("apps/app.yaml:17");
        assertThat(report.manifestsRead()).isGreaterThanOrEqualTo(6);
        assertThat(at("rule-failed")).isEmpty();
    }

    @Test
    void aDirectoryThatIsNotThereIsBadUsage(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("file.yaml"), "a: 1\n");

        assertThatThrownBy(() -> PlatformAudit.ofDefaults().audit(tmp.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a directory");
        assertThatThrownBy(() -> PlatformAudit.ofDefaults().audit(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file.yaml");
    }

    @Test
    void anEmptyRepositoryIsCleanAndBinaryOrEmptyFilesAreHarmless(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("empty.yaml"), "");
        Files.write(tmp.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n'});
        Files.writeString(tmp.resolve("only-comments.yml"), "# nothing\n---\n---\n");

        AuditReport r = PlatformAudit.ofDefaults().audit(tmp);

        assertThat(r.findings()).allMatch(f -> f.rule().id().equals("yaml-unparseable"));
        assertThat(r.exitCode(Severity.CRITICAL)).isZero();
    }
}
