package io.piha.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.piha.cli.RepositoryRoot;
import io.piha.platform.AuditReport;
import io.piha.platform.PlatformAudit;
import io.piha.platform.Severity;
import io.piha.platform.TextReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/ is what users install: the k3s chart and Flux release pass the platform audit (seed 003's rules), the
 * systemd units pass {@code systemd-analyze verify}, the compose file passes {@code docker-compose config}, and the
 * Dockerfile pins its images and drops root.
 */
class DeployManifestsTest {

    static final Path DEPLOY = repositoryRoot().resolve("deploy");

    @TempDir
    Path tmp;

    static Path repositoryRoot() {
        return RepositoryRoot.get();
    }

    @Test
    void theChartAndTheFluxReleasePassThePlatformAuditWithNothingAtOrAboveHigh() throws IOException {
        // laid out as in the repository, so the HelmRelease's ./deploy/helm/piha is the chart the audit renders
        copy(DEPLOY, tmp.resolve("deploy"));

        AuditReport report = PlatformAudit.ofDefaults().audit(tmp);

        StringBuilder text = new StringBuilder();
        new TextReport().write(report, text);
        assertThat(report.exitCode(Severity.parse("high"))).as(text.toString()).isZero();
        assertThat(report.findings()).as(text.toString()).isEmpty();
        assertThat(report.manifestsRead()).as("the chart's Deployment, PVC, ConfigMap and Service were rendered, "
                + "besides the Namespace, GitRepository and HelmRelease").isGreaterThanOrEqualTo(7);
    }

    @Test
    void theSystemdUnitsPassSystemdAnalyzeVerify() throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/systemd-analyze"));
        assertThat(present || !"true".equals(System.getenv("PIHA_REQUIRE_SYSTEMD")))
                .as("PIHA_REQUIRE_SYSTEMD=true but /usr/bin/systemd-analyze is absent: apt-get install systemd").isTrue();
        assumeTrue(present, "systemd-analyze is not installed (apt-get install systemd); .ci/run installs and requires it");
        for (String unit : List.of("piha-control-plane.service", "piha-agent.service")) {
            Result r = run(List.of("systemd-analyze", "verify", DEPLOY.resolve("systemd").resolve(unit).toString()));
            assertThat(r.code()).as(unit + ": " + r.output()).isZero();
            assertThat(r.output()).as(unit + ": unknown keys or other warnings").isBlank();
        }
    }

    @Test
    void theComposeFileIsValidForDockerCompose() throws Exception {
        Path compose = Path.of("/usr/bin/docker-compose");
        boolean required = "true".equals(System.getenv("PIHA_REQUIRE_DOCKER_COMPOSE"));
        assertThat(Files.isExecutable(compose) || !required)
                .as("PIHA_REQUIRE_DOCKER_COMPOSE=true but docker-compose is absent: apt-get install docker-compose")
                .isTrue();
        assumeTrue(Files.isExecutable(compose), "docker-compose is not installed; .ci/run installs and requires it");
        Path dir = tmp.resolve("nas");
        copy(DEPLOY.resolve("compose"), dir);
        Files.writeString(dir.resolve("piha.env"), "PIHA_MQTT_PASSWORD=x\n");
        Result r = run(List.of(compose.toString(), "--project-directory", dir.toString(), "-f",
                dir.resolve("compose.yaml").toString(), "config", "-q"));
        assertThat(r.code()).as(r.output()).isZero();
    }

    @Test
    void theImageIsBuiltForBothPlatformsFromPinnedImagesAndRunsAsAnUnprivilegedUser() throws IOException {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("docker").resolve("Dockerfile"));
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from).hasSize(2);
        assertThat(from.get(0)).as("the jar is built once, on the build machine's platform")
                .contains("--platform=$BUILDPLATFORM");
        for (String f : from) {
            String image = f.replace("--platform=$BUILDPLATFORM ", "").split(" ")[1];
            assertThat(image).as(f).matches("[a-z0-9./-]+:[0-9][A-Za-z0-9._-]*(@sha256:[0-9a-f]{64})?")
                    .doesNotContain(":latest");
        }
        assertThat(lines).anyMatch(l -> l.matches("USER [1-9][0-9]*:[1-9][0-9]*"));
        assertThat(lines).anyMatch(l -> l.contains("@/opt/piha/service-jvm.options"));
        assertThat(repositoryRoot().resolve("piha-cli/src/main/resources/io/piha/cli/service-jvm.options")).exists();
    }

    private record Result(int code, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
