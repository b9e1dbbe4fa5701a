package io.piha.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.piha.cli.run.ServiceCommands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command for people prints no INFO log lines unless {@code --verbose}; the long-running services log INFO for
 * the journal; PIHA_LOG_LEVEL wins over both. The log goes to the process's stderr (logback's console appender).
 */
class LoggingTest {

    @TempDir
    Path tmp;

    private Path repo;

    @BeforeEach
    void aRepositoryWithOneCommit() throws Exception {
        repo = tmp.resolve("config");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("configuration.yaml"), "name: home\n");
            git.add().addFilepattern("configuration.yaml").call();
            git.commit().setMessage("first").setAuthor("p", "p@home.lan").setCommitter("p", "p@home.lan").setSign(false)
                    .call();
        }
    }

    /** What the logger wrote on the process's stderr while {@code run} ran. */
    private static String logOf(Supplier<PihaRun> run) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(run.get().code()).isZero();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCommandForPeopleLogsNoInfoLines() {
        String log = logOf(() -> PihaRun.of("sync", "now", "--repo", repo.toString(), "--actor", "alice"));

        assertThat(log).doesNotContain(" INFO ");
    }

    @Test
    void verboseShowsTheInfoLines() {
        String log = logOf(() -> PihaRun.of("sync", "now", "--repo", repo.toString(), "--actor", "alice", "--verbose"));

        assertThat(log).contains(" INFO ", "config sync of home-assistant");
    }

    @Test
    void theLongRunningServicesLogInfoForTheJournal() {
        var cli = Piha.commandLine();

        assertThat(cli.getSubcommands().get("control-plane").<Object>getCommand()).isInstanceOf(LongRunning.class)
                .isInstanceOf(ServiceCommands.ControlPlaneCommand.class);
        assertThat(cli.getSubcommands().get("agent").<Object>getCommand()).isInstanceOf(LongRunning.class);
        assertThat(cli.getSubcommands().get("status").<Object>getCommand()).isNotInstanceOf(LongRunning.class);
        assertThat(Logging.rootLevel(false, true, Optional.empty())).isEqualTo(Level.INFO);
        assertThat(Logging.rootLevel(false, false, Optional.empty())).isEqualTo(Level.WARN);
        assertThat(Logging.rootLevel(true, false, Optional.empty())).isEqualTo(Level.INFO);
    }

    @Test
    void piHaLogLevelWinsOverTheCommandsDefault() {
        assertThat(Logging.rootLevel(false, true, Optional.of("ERROR"))).isEqualTo(Level.ERROR);
        assertThat(Logging.rootLevel(false, false, Optional.of("debug"))).isEqualTo(Level.DEBUG);
        System.setProperty(Logging.LEVEL_VARIABLE, "INFO");
        try {
            String log = logOf(() -> PihaRun.of("sync", "now", "--repo", repo.toString(), "--actor", "bob"));

            assertThat(log).contains(" INFO ", "config sync of home-assistant");
        } finally {
            System.clearProperty(Logging.LEVEL_VARIABLE);
        }
    }

    @Test
    void aLogbackFileNamedOnTheCommandLineReplacesTheBuiltInSetup() {
        LogSetup setup = new LogSetup();
        ch.qos.logback.classic.LoggerContext context = new ch.qos.logback.classic.LoggerContext();
        System.setProperty("logback.configurationFile", "/etc/piha/logback.xml");
        try {
            assertThat(setup.configure(context))
                    .isEqualTo(ch.qos.logback.classic.spi.Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        } finally {
            System.clearProperty("logback.configurationFile");
        }
        assertThat(setup.configure(context))
                .isEqualTo(ch.qos.logback.classic.spi.Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.hivemq").getLevel()).isEqualTo(Level.WARN);
    }
}
