package io.piha.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.cli.ExitCode;
import io.piha.cli.PihaRun;
import io.piha.cli.RepositoryRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code piha config check}: the example files pass, a bad one is one line with exit 2, --env-file feeds ${VAR}s. */
class ConfigCommandTest {

    private static final Path EXAMPLES = RepositoryRoot.get().resolve("docs/examples");

    @TempDir
    Path tmp;

    private Path envFile() throws Exception {
        return Files.writeString(tmp.resolve("piha.env"), """
                # secrets, root-only
                PIHA_MQTT_PASSWORD="mqtt secret"
                SWITCH_AUTH_PASSWORD=auth-secret-1
                SWITCH_PRIV_PASSWORD='priv-secret-1'
                HA_TOKEN=llat
                HA_STANDBY_TOKEN=llat-standby
                NTFY_TOKEN=tk_ntfy
                SMTP_PASSWORD=smtp
                """);
    }

    @Test
    void theExamplesAreSoundWithTheirSecretsFromTheEnvironmentFile() throws Exception {
        PihaRun run = PihaRun.of("config", "check", "--control-plane", EXAMPLES.resolve("control-plane.yaml").toString(),
                "--agent", EXAMPLES.resolve("agent.yaml").toString(), "--env-file", envFile().toString());

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK.code());
        assertThat(run.out()).contains("ok: " + EXAMPLES.resolve("control-plane.yaml") + ": control plane of site home")
                .contains("hosts [haos-primary, haos-standby]")
                .contains("agent of host haos-standby, services [home-assistant]")
                .contains("gate on 127.0.0.1:8471")
                .doesNotContain("mqtt secret");
    }

    @Test
    void withoutTheEnvironmentFileTheMissingSecretIsNamedOnOneLine() {
        PihaRun run = PihaRun.of("config", "check", "--agent", EXAMPLES.resolve("agent.yaml").toString());

        assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("PIHA_MQTT_PASSWORD");
    }

    @Test
    void aBadFileIsOneLineWithExit2() throws Exception {
        Path bad = Files.writeString(tmp.resolve("agent.yaml"), """
                host: haos-standby
                broker: {url: "mqtt://127.0.0.1:1883"}
                services: [{name: home-assistant}]
                gate: {port: 70000}
                """);

        PihaRun run = PihaRun.of("config", "check", "--agent", bad.toString());

        assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.oneLineOnStderr()).as(run.err()).isTrue();
        assertThat(run.err()).contains("gate.port: must be between 0 and 65535 (value: 70000)");
    }

    @Test
    void aMalformedEnvironmentFileLineIsNamedWithoutItsValue() throws Exception {
        Path env = Files.writeString(tmp.resolve("bad.env"), "GOOD=1\nnot a line=secret\n");

        PihaRun run = PihaRun.of("config", "check", "--agent", EXAMPLES.resolve("agent.yaml").toString(),
                "--env-file", env.toString());

        assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("line 2: expected KEY=value").doesNotContain("secret");
    }

    @Test
    void nothingToCheckIsAUsageError() {
        assertThat(PihaRun.of("config", "check").code()).isEqualTo(ExitCode.USAGE.code());
    }
}
