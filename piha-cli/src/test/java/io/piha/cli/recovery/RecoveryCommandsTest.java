package io.piha.cli.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.cli.ExitCode;
import io.piha.cli.PihaRun;
import io.piha.testkit.git.TestRepo;
import io.piha.testkit.supervisor.SimulatedSupervisor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code piha haos ...} and {@code piha reinstall} against a fake Supervisor, a real Git repository and real commands. */
class RecoveryCommandsTest {

    @TempDir
    Path dir;

    private SimulatedSupervisor supervisor;
    private Path config;

    @BeforeEach
    void start() throws IOException {
        supervisor = new SimulatedSupervisor("ha-token");
        config = write("ha-token");
    }

    @AfterEach
    void stop() {
        supervisor.close();
    }

    private Path write(String token) throws IOException {
        Path file = dir.resolve("control-plane-" + token + ".yaml");
        Files.writeString(file, """
                broker: {url: "mqtt://127.0.0.1:1883"}
                services: [{name: home-assistant, primary: haos-primary, standby: ha-standby, fencing: confirmed_dead}]
                hosts:
                  - id: haos-primary
                    probes: [{type: tcp, address: "127.0.0.1:1"}]
                    supervisor: {url: "%s", token: %s}
                    reinstall: {command: [sh, -c, "echo $PIHA_REASON >> %s"]}
                  - id: ha-standby
                    probes: [{type: tcp, address: "127.0.0.1:1"}]
                sync: {repository: %s}
                recovery: {staging_dir: %s, keep: 2}
                status: {enabled: false}
                audit: {file: %s, fsync: false, syslog: false}
                """.formatted(supervisor.url(), token, dir.resolve("reinstalled"), dir.resolve("nas.git"),
                dir.resolve("staging"), dir.resolve("audit.jsonl")));
        return file;
    }

    private PihaRun piha(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        all[args.length + 2] = "--state-dir";
        all[args.length + 3] = dir.resolve("state").toString();
        return PihaRun.of(all);
    }

    @Test
    void backupPullStagesTheNewestBackupAndListShowsBothSides() {
        String slug = supervisor.addBackup("nightly", Instant.parse("2026-12-02T03:00:00Z"));

        PihaRun pull = piha("haos", "backup", "pull", "haos-primary");
        PihaRun list = piha("haos", "backup", "list", "haos-primary");

        assertThat(pull.code()).as(pull.err()).isZero();
        assertThat(pull.out()).contains("staged " + slug + " of haos-primary").contains("verified");
        assertThat(dir.resolve("staging/haos/haos-primary/20261202T030000Z_" + slug + ".tar")).exists();
        assertThat(list.out()).contains(slug + "   2026-12-02T03:00:00Z full").contains("staged for restore:")
                .contains("20261202T030000Z_" + slug + ".tar");
    }

    @Test
    void backupPullNewAsksTheSupervisorForAFullBackup() {
        PihaRun pull = piha("haos", "backup", "pull", "haos-primary", "--new", "--name", "before-upgrade");

        assertThat(pull.code()).as(pull.err()).isZero();
        assertThat(piha("haos", "backup", "list", "haos-primary").out()).contains("before-upgrade");
    }

    @Test
    void aWrongTokenIsOneLineNamingTheHostWithExitFailed() throws IOException {
        supervisor.addBackup("nightly", Instant.parse("2026-12-02T03:00:00Z"));
        config = write("stale-token");

        PihaRun pull = piha("haos", "backup", "pull", "haos-primary");

        assertThat(pull.code()).isEqualTo(ExitCode.FAILED.code());
        assertThat(pull.oneLineOnStderr()).as(pull.err()).isTrue();
        assertThat(pull.err()).startsWith("piha haos backup pull: haos-primary refused the token (HTTP 401)")
                .doesNotContain("stale-token").doesNotContain("Exception");
    }

    @Test
    void aHostWithoutSupervisorIsAUsageError() {
        PihaRun pull = piha("haos", "backup", "pull", "ha-standby");

        assertThat(pull.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(pull.oneLineOnStderr()).isTrue();
        assertThat(pull.err()).contains("host ha-standby has no supervisor: section");
    }

    @Test
    void snapshotStagesTheConfigRepositorysMainBranch() throws IOException {
        try (TestRepo nas = TestRepo.createBare(dir.resolve("nas.git"))) {
            nas.commit("main", Instant.parse("2026-12-01T00:00:00Z"), Map.of("configuration.yaml", "homeassistant:\n"));
        }

        PihaRun snapshot = piha("haos", "snapshot");

        assertThat(snapshot.code()).as(snapshot.err()).isZero();
        assertThat(dir.resolve("staging/config/current/configuration.yaml")).hasContent("homeassistant:");
    }

    @Test
    void reinstallWithoutConfirmationIsRefusedInOneLine() {
        PihaRun run = piha("reinstall", "haos-primary");

        assertThat(run.code()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(run.oneLineOnStderr()).isTrue();
        assertThat(run.err()).contains("refused (unconfirmed)").contains("--confirm haos-primary");
        assertThat(dir.resolve("reinstalled")).doesNotExist();
    }

    @Test
    void aDryRunShowsTheCommandAndRunsNothing() {
        PihaRun run = piha("reinstall", "haos-primary", "--dry-run");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("would run:").contains("exec RUN sh -c echo $PIHA_REASON");
        assertThat(dir.resolve("reinstalled")).doesNotExist();
    }

    @Test
    void aConfirmedReinstallRunsOnceThenTheCooldownRefusesTheNext() throws IOException {
        PihaRun first = piha("reinstall", "haos-primary", "--confirm", "haos-primary", "--reason", "new sd card");
        PihaRun second = piha("reinstall", "haos-primary", "--confirm", "haos-primary");

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(Files.readString(dir.resolve("reinstalled"))).isEqualTo("new sd card\n");
        assertThat(second.code()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(second.err()).contains("refused (port_cooldown)");
        assertThat(Files.readString(dir.resolve("audit.jsonl"))).contains("reinstall/haos-primary");
    }
}
