package io.piha.http.actuator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.Secret;
import io.piha.api.recovery.ReinstallTrigger;
import io.piha.testkit.http.LocalHttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reinstall triggers run real commands and call a real local HTTP server. */
class ReinstallTriggersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void aCommandRunsWithTheHostAndTheReasonInItsEnvironment() throws IOException {
        Path out = dir.resolve("ran");
        ReinstallTrigger t = ReinstallTriggers.command("haos-standby",
                List.of("sh", "-c", "echo \"$PIHA_HOST $PIHA_REASON\" > " + out), TIMEOUT);

        t.start("sd card died");

        assertThat(Files.readString(out)).isEqualTo("haos-standby sd card died\n");
        assertThat(t.plan().get(0).toString()).startsWith("exec RUN sh -c echo");
    }

    @Test
    void aCommandThatFailsOrHangsIsAFailureNamingHostAndCommand() {
        ReinstallTrigger fails = ReinstallTriggers.command("haos-standby", List.of("sh", "-c", "exit 3"), TIMEOUT);
        ReinstallTrigger hangs = ReinstallTriggers.command("haos-standby", List.of("sleep", "30"),
                Duration.ofMillis(300));

        assertThatThrownBy(() -> fails.start("x")).hasMessageContaining("haos-standby").hasMessageContaining("exited with 3");
        assertThatThrownBy(() -> hangs.start("x")).hasMessageContaining("[sleep, 30]").hasMessageContaining("did not finish");
    }

    @Test
    void aUrlIsPostedWithTheTokenAndAJsonBody() throws IOException {
        try (LocalHttpServer installer = new LocalHttpServer().respond("/reinstall", 202, "{}")) {
            ReinstallTrigger t = ReinstallTriggers.url("haos-primary", installer.url("/reinstall"),
                    Optional.of(Secret.of("installer-token")), TIMEOUT);

            t.start("new \"disk\"");

            LocalHttpServer.Received r = installer.received().get(0);
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.header("Authorization")).isEqualTo("Bearer installer-token");
            assertThat(r.body()).isEqualTo("{\"host\":\"haos-primary\",\"reason\":\"new \\\"disk\\\"\"}");
            assertThat(t.plan().toString()).doesNotContain("installer-token");
        }
    }

    @Test
    void aRefusedTokenAndAnUnreachableUrlAreFailuresSayingWhatToCheck() throws IOException {
        try (LocalHttpServer installer = new LocalHttpServer().respond("/reinstall", 401, "{}")) {
            ReinstallTrigger refused = ReinstallTriggers.url("haos-primary", installer.url("/reinstall"),
                    Optional.of(Secret.of("old")), TIMEOUT);
            assertThatThrownBy(() -> refused.start("x")).hasMessageContaining("refused the token (HTTP 401)")
                    .hasMessageContaining("haos-primary").hasMessageNotContaining("old");
        }
        URI nowhere = URI.create("http://127.0.0.1:" + LocalHttpServer.closedPort() + "/reinstall");
        ReinstallTrigger gone = ReinstallTriggers.url("haos-primary", nowhere, Optional.empty(), TIMEOUT);
        assertThatThrownBy(() -> gone.start("x")).hasMessageContaining(nowhere.toString())
                .hasMessageContaining("does not answer");
    }
}
