package io.piha.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.audit.AuditEntry;
import io.piha.http.haos.StagedBackup;
import io.piha.http.haos.SupervisorException;
import io.piha.poe.safety.RecoveryOutcome;
import io.piha.poe.safety.RecoveryRequest;
import io.piha.service.config.ConfigException;
import io.piha.service.config.ConfigLoader;
import io.piha.service.config.ControlPlaneConfig;
import io.piha.testkit.ManualClock;
import io.piha.testkit.git.TestRepo;
import io.piha.testkit.http.LocalHttpServer;
import io.piha.testkit.supervisor.SimulatedSupervisor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each key of {@code recovery:} and of a host's {@code supervisor:} and {@code reinstall:} changes what happens. */
class RecoverySettingsEffectTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-03T04:00:00Z"));
    private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    private SimulatedSupervisor supervisor;

    @BeforeEach
    void start() throws Exception {
        supervisor = new SimulatedSupervisor("ha-token");
    }

    @AfterEach
    void stop() {
        supervisor.close();
    }

    private ControlPlaneConfig config(String hostExtra, String recovery) {
        String yaml = """
                broker: {url: "mqtt://127.0.0.1:1883"}
                services: [{name: home-assistant, primary: haos-primary, standby: ha-standby, fencing: confirmed_dead}]
                hosts:
                  - id: haos-primary
                    probes: [{type: tcp, address: "127.0.0.1:1"}]
                %s
                  - id: ha-standby
                    probes: [{type: tcp, address: "127.0.0.1:1"}]
                    reinstall: {command: [sh, -c, "echo $PIHA_HOST >> %s"]}
                  - id: nas
                    probes: [{type: tcp, address: "127.0.0.1:1"}]
                    reinstall: {command: ["true"]}
                sync: {repository: %s}
                %s
                """.formatted(hostExtra.indent(4).stripTrailing(), dir.resolve("ran"), dir.resolve("nas.git"), recovery);
        return new ConfigLoader(Map.of()).parseControlPlane("test.yaml", yaml);
    }

    private String supervisorKeys(String token, String extra) {
        return "supervisor: {url: \"" + supervisor.url() + "\", token: " + token + extra + "}";
    }

    @Test
    void stagingDirAndKeepDecideWhereAndHowManyBackupsAreStaged() {
        Path staging = dir.resolve("staged");
        ControlPlaneConfig cfg = config(supervisorKeys("ha-token", ""), "recovery: {staging_dir: " + staging + ", keep: 2}");
        for (int day = 1; day <= 3; day++) {
            supervisor.addBackup("day " + day, Instant.parse("2026-12-0" + day + "T03:00:00Z"));
            Recovery.staging(cfg, "haos-primary").pullLatest(Recovery.supervisor(cfg, "haos-primary"));
        }

        List<StagedBackup> staged = Recovery.staging(cfg, "haos-primary").staged();
        assertThat(staged).hasSize(2);
        assertThat(staged).allSatisfy(s -> assertThat(s.file().getParent()).isEqualTo(staging.resolve("haos/haos-primary")));
    }

    @Test
    void theSupervisorTokenIsTheOneSent() {
        ControlPlaneConfig wrong = config(supervisorKeys("not-the-token", ""), "");

        assertThatThrownBy(() -> Recovery.supervisor(wrong, "haos-primary").list())
                .isInstanceOf(SupervisorException.TokenRefused.class);
        assertThat(Recovery.supervisor(config(supervisorKeys("ha-token", ""), ""), "haos-primary").list()).isEmpty();
    }

    @Test
    void theSupervisorTimeoutsBoundRequestsAndBackupCreation() throws Exception {
        try (LocalHttpServer silent = new LocalHttpServer().hang("/api/hassio/backups")
                .hang("/api/hassio/backups/new/full")) {
            String keys = "supervisor: {url: \"" + silent.url("/api/hassio/") + "\", token: t, timeout: 300ms, "
                    + "create_timeout: 400ms}";
            ControlPlaneConfig cfg = config(keys, "");

            assertThatThrownBy(() -> Recovery.supervisor(cfg, "haos-primary").list())
                    .isInstanceOf(SupervisorException.Unreachable.class).hasMessageContaining("HttpTimeoutException");
            assertThatThrownBy(() -> Recovery.supervisor(cfg, "haos-primary").createFull("x"))
                    .isInstanceOf(SupervisorException.Unreachable.class).hasMessageContaining("HttpTimeoutException");
        }
    }

    @Test
    void snapshotBranchPicksTheBranchStagedUnderStagingDir() throws Exception {
        try (TestRepo nas = TestRepo.createBare(dir.resolve("nas.git"))) {
            nas.commit("main", Instant.parse("2026-12-01T00:00:00Z"), Map.of("configuration.yaml", "on: main\n"));
            nas.commit("trial", Instant.parse("2026-12-01T00:00:00Z"), Map.of("configuration.yaml", "on: trial\n"));
            Path staging = dir.resolve("staged");
            ControlPlaneConfig cfg = config("", "recovery: {staging_dir: " + staging + ", snapshot_branch: trial}");

            Recovery.snapshot(cfg, dir.resolve("state")).take();

            assertThat(Files.readString(staging.resolve("config/current/configuration.yaml"))).isEqualTo("on: trial\n");
        }
    }

    @Test
    void theReinstallCommandRunsAndTheCooldownHolds() throws Exception {
        ControlPlaneConfig cfg = config("", "recovery: {reinstall: {cooldown: 2h}}");
        RecoveryOutcome first = reinstall(cfg, "ha-standby");
        clock.advance(Duration.ofHours(1));
        RecoveryOutcome second = reinstall(cfg, "ha-standby");
        clock.advance(Duration.ofHours(1));
        RecoveryOutcome third = reinstall(cfg, "ha-standby");

        assertThat(first).isInstanceOf(RecoveryOutcome.Done.class);
        assertThat(second).isInstanceOfSatisfying(RecoveryOutcome.Refused.class,
                r -> assertThat(r.rule()).isEqualTo(RecoveryOutcome.Rule.PORT_COOLDOWN));
        assertThat(third).isInstanceOf(RecoveryOutcome.Done.class);
        assertThat(Files.readAllLines(dir.resolve("ran"))).containsExactly("ha-standby", "ha-standby");
    }

    @Test
    void limitAndWindowCountEveryHostsReinstalls() {
        ControlPlaneConfig cfg = config("", "recovery: {reinstall: {limit: 1, window: 3h}}");
        reinstall(cfg, "ha-standby");
        clock.advance(Duration.ofHours(2));
        RecoveryOutcome within = reinstall(cfg, "nas");
        clock.advance(Duration.ofHours(2));
        RecoveryOutcome after = reinstall(cfg, "nas");

        assertThat(within).isInstanceOfSatisfying(RecoveryOutcome.Refused.class,
                r -> assertThat(r.rule()).isEqualTo(RecoveryOutcome.Rule.SWITCH_RATE));
        assertThat(after).isInstanceOf(RecoveryOutcome.Done.class);
    }

    @Test
    void protectedHostsAreNeverReinstalled() {
        RecoveryOutcome nas = reinstall(config("", "recovery: {reinstall: {protected: [nas]}}"), "nas");

        assertThat(nas).isInstanceOfSatisfying(RecoveryOutcome.Refused.class,
                r -> assertThat(r.rule()).isEqualTo(RecoveryOutcome.Rule.PROTECTED_PORT));
    }

    @Test
    void aReinstallUrlIsPostedWithItsTokenAndItsTimeoutBoundsIt() throws Exception {
        try (LocalHttpServer installer = new LocalHttpServer().respond("/go", 202, "{}").hang("/slow")) {
            RecoveryOutcome posted = reinstall(config("reinstall: {url: \"" + installer.url("/go")
                    + "\", token: installer-secret}", ""), "haos-primary");
            clock.advance(Duration.ofDays(2));
            RecoveryOutcome slow = reinstall(config("reinstall: {url: \"" + installer.url("/slow")
                    + "\", timeout: 300ms}", ""), "haos-primary");

            assertThat(posted).isInstanceOf(RecoveryOutcome.Done.class);
            assertThat(installer.received().get(0).header("Authorization")).isEqualTo("Bearer installer-secret");
            assertThat(slow).isInstanceOfSatisfying(RecoveryOutcome.Failed.class,
                    f -> assertThat(f.reason()).contains("does not answer"));
        }
    }

    @Test
    void aReinstallCommandTimeoutBoundsIt() {
        RecoveryOutcome slow = reinstall(config("reinstall: {command: [sleep, \"30\"], timeout: 300ms}", ""),
                "haos-primary");

        assertThat(slow).isInstanceOfSatisfying(RecoveryOutcome.Failed.class,
                f -> assertThat(f.reason()).contains("did not finish"));
    }

    @Test
    void aReinstallNeedsExactlyOneOfCommandAndUrl() {
        assertThatThrownBy(() -> config("reinstall: {command: [a], url: \"https://x.lan/r\"}", ""))
                .isInstanceOf(ConfigException.class).hasMessageContaining("hosts[0].reinstall.command")
                .hasMessageContaining("exactly one of command");
        assertThatThrownBy(() -> config("reinstall: {timeout: 1m}", ""))
                .isInstanceOf(ConfigException.class).hasMessageContaining("exactly one of command");
    }

    @Test
    void backupEveryMakesTheControlPlanePullNewBackupsOnSchedule() throws Exception {
        Path staging = dir.resolve("staged");
        ControlPlaneConfig cfg = config(supervisorKeys("ha-token", ""), "recovery: {staging_dir: " + staging
                + ", backup_every: 200ms}");
        java.util.concurrent.ScheduledThreadPoolExecutor executor = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
        try {
            new ScheduledBackups(cfg, clock, audit::add, alert -> { }).start(executor);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (Recovery.staging(cfg, "haos-primary").staged().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(Recovery.staging(cfg, "haos-primary").staged()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(audit).extracting(AuditEntry::action).contains("haos_backup");
    }

    @Test
    void withoutBackupEveryNothingIsScheduledAndAFailedPullIsACriticalAlert() {
        ControlPlaneConfig cfg = config(supervisorKeys("wrong-token", ""), "recovery: {staging_dir: " + dir + "}");
        java.util.concurrent.ScheduledThreadPoolExecutor executor = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
        List<io.piha.api.alert.Alert> alerts = new CopyOnWriteArrayList<>();
        ScheduledBackups backups = new ScheduledBackups(cfg, clock, audit::add, alerts::add);

        backups.start(executor);
        backups.pullAll();
        executor.shutdownNow();

        assertThat(executor.getQueue()).isEmpty();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo(ScheduledBackups.FAILED);
            assertThat(a.message()).contains("haos-primary refused the token");
        });
    }

    private RecoveryOutcome reinstall(ControlPlaneConfig cfg, String host) {
        return Recovery.reinstall(cfg, dir.resolve("state"), false, clock, audit::add, alert -> { })
                .reinstall(RecoveryRequest.of(host, "operator:test", "test"), Optional.of(host));
    }
}
