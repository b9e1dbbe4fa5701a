package io.piha.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.piha.cli.ExitCode;
import io.piha.cli.PihaRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code piha platform audit|rules} on the seed's repositories (before and after its phases). */
class PlatformCommandTest {

    private static final Path SEED = Path.of("..", "piha-platform", "src", "test", "resources", "seed-phase0");
    private static final Path AFTER = Path.of("..", "piha-platform", "src", "test", "resources", "seed-after");

    @TempDir
    Path dir;

    @Test
    void theSeedsRepositoryFailsWithItsFindingsGroupedByPhase() {
        PihaRun run = PihaRun.of("platform", "audit", SEED.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.CHECK_FAILED.code());
        assertThat(run.out()).contains("PiHA platform audit of", "14 findings (6 critical", "Phase 1", "recorder-sqlite");
    }

    @Test
    void theRepositoryAfterThePhasesPassesAndFailOnDecides() {
        assertThat(PihaRun.of("platform", "audit", AFTER.toString()).code()).isEqualTo(ExitCode.OK.code());
        assertThat(PihaRun.of("platform", "audit", "--fail-on", "critical", SEED.toString()).code())
                .isEqualTo(ExitCode.CHECK_FAILED.code());
    }

    @Test
    void jsonGoesToAFileAndSaysWhere() throws Exception {
        Path report = dir.resolve("audit.json");

        PihaRun run = PihaRun.of("platform", "audit", "--format", "json", "-o", report.toString(), SEED.toString());

        assertThat(run.out()).contains("finding(s); report written to " + report);
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertThat(json.toString()).contains("recorder-sqlite");
    }

    @Test
    void badUsageIsOneLineWithExitTwo() {
        PihaRun notADirectory = PihaRun.of("platform", "audit", dir.resolve("nope").toString());
        PihaRun badFormat = PihaRun.of("platform", "audit", "--format", "xml", SEED.toString());
        PihaRun badSeverity = PihaRun.of("platform", "audit", "--fail-on", "severe", SEED.toString());

        assertThat(notADirectory.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(badFormat.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(badFormat.err().strip().lines()).hasSize(1).first().asString().contains("xml");
        assertThat(badSeverity.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(badSeverity.err()).contains("severe");
    }

    @Test
    void theRulesAreListedInPhaseOrder() {
        PihaRun run = PihaRun.of("platform", "rules");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("recorder-sqlite", "critical", "phase 1", "V1");
        assertThat(run.out().indexOf("yaml-unparseable")).isLessThan(run.out().indexOf("recorder-sqlite"));
    }
}
