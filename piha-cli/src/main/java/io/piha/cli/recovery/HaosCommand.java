package io.piha.cli.recovery;

import io.piha.cli.ExitCode;
import io.piha.http.haos.BackupStaging;
import io.piha.http.haos.StagedBackup;
import io.piha.http.haos.SupervisorBackup;
import io.piha.http.haos.SupervisorBackups;
import io.piha.service.Recovery;
import io.piha.service.config.ControlPlaneConfig;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code piha haos}: Home Assistant OS backups and the config snapshot, pulled and staged for restore. */
@Command(name = "haos", mixinStandardHelpOptions = true,
        description = "Home Assistant OS backups (through the Supervisor API) and the Git snapshot of the "
                + "configuration, pulled and staged for restore on the standby.",
        subcommands = {HaosCommand.Backup.class, HaosCommand.Snapshot.class})
public final class HaosCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code piha haos backup pull|list HOST}. */
    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Pull a HAOS host's backup, verified, into the staging directory, or list its backups.",
            subcommands = {Pull.class, ListBackups.class})
    public static final class Backup implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** Pulls the newest (or a new) backup, verifies it and stages it, keeping the newest N. */
    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = "Download the host's newest backup (or create a new full one with --new), verify the "
                    + "archive and stage it; the oldest staged ones beyond recovery.keep are removed. Exit codes: 0 "
                    + "staged, 5 failed (what was staged before is kept).")
    static final class Pull implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        RecoveryOptions options;

        @Parameters(index = "0", description = "The host, as named in the configuration's hosts section, with a "
                + "supervisor: key.")
        String host;

        @Option(names = "--new", description = "Ask the Supervisor for a new full backup first (takes minutes).")
        boolean createNew;

        @Option(names = "--name", defaultValue = "piha", description = "The new backup's name, with --new "
                + "(default: ${DEFAULT-VALUE} and the time).")
        String name;

        @Override
        public Integer call() {
            ControlPlaneConfig cfg = options.load();
            SupervisorBackups source = Recovery.supervisor(cfg, host);
            BackupStaging staging = Recovery.staging(cfg, host);
            StagedBackup staged = createNew ? staging.pullNew(source, name + " " + Instant.now())
                    : staging.pullLatest(source);
            spec.commandLine().getOut().printf("staged %s of %s (%d bytes, verified) at %s%n", staged.slug(), host,
                    staged.bytes(), staged.file());
            return ExitCode.OK.code();
        }
    }

    /** Lists the Supervisor's backups and the staged ones. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the host's backups on its Supervisor, newest first, and the ones staged here.")
    static final class ListBackups implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        RecoveryOptions options;

        @Parameters(index = "0", description = "The host, as named in the configuration's hosts section.")
        String host;

        @Option(names = "--staged", description = "Only the staged backups (no call to the Supervisor).")
        boolean stagedOnly;

        @Override
        public Integer call() {
            ControlPlaneConfig cfg = options.load();
            PrintWriter out = spec.commandLine().getOut();
            if (!stagedOnly) {
                out.printf("%-10s %-20s %-8s %-10s %s%n", "SLUG", "DATE", "TYPE", "SIZE", "NAME");
                for (SupervisorBackup b : Recovery.supervisor(cfg, host).list()) {
                    out.printf("%-10s %-20s %-8s %-10s %s%n", b.slug(), b.date(), b.type(), size(b), b.name());
                }
            }
            out.println("staged for restore:");
            for (StagedBackup s : Recovery.staging(cfg, host).staged()) {
                out.printf("  %-10s %-20s %10d bytes  %s%n", s.slug(), s.date(), s.bytes(), s.file());
            }
            return ExitCode.OK.code();
        }

        private static String size(SupervisorBackup b) {
            return b.sizeBytes().isPresent()
                    ? String.format(Locale.ROOT, "%.1f MB", b.sizeBytes().getAsLong() / 1048576.0) : "-";
        }
    }

    /** {@code piha haos snapshot}: the Git snapshot of the configuration. */
    @Command(name = "snapshot", mixinStandardHelpOptions = true,
            description = "Stage a Git snapshot of the Home Assistant configuration: recovery.snapshot_branch of the "
                    + "sync repository, checked out under <staging_dir>/config/current (the one before stays as "
                    + "previous).")
    static final class Snapshot implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        RecoveryOptions options;

        @Override
        public Integer call() {
            var snapshot = Recovery.snapshot(options.load(), options.stateDir);
            var commit = snapshot.take();
            spec.commandLine().getOut().printf("staged config snapshot %s at %s%n", commit, snapshot.live());
            return ExitCode.OK.code();
        }
    }
}
