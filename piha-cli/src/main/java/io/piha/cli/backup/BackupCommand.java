package io.piha.cli.backup;

import io.piha.cli.ExitCode;
import io.piha.service.backup.BackupVerification;
import io.piha.service.backup.RestoreOutcome;
import io.piha.service.backup.StateBackup;
import io.piha.service.config.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code piha backup create|verify|restore}: PiHA's own state and audit trail ({@link StateBackup}). */
@Command(name = "backup", mixinStandardHelpOptions = true,
        subcommands = {BackupCommand.Create.class, BackupCommand.Verify.class, BackupCommand.Restore.class},
        description = {"Backs up and restores PiHA's own state: the control plane's memory of each service, the PoE "
                + "ledgers, the incident logs and the audit trail (docs/backup-and-restore.md).",
                "Home Assistant's own backups: docs/backup-and-restore.md."})
public final class BackupCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the state and the audit are: the control plane's file and its state directory. */
    static final class Where {
        @Option(names = {"-c", "--config"}, required = true,
                description = "The control plane's YAML file (for audit.file).")
        Path config;

        @Option(names = "--state-dir", defaultValue = io.piha.cli.StateDirectory.OPTION_DEFAULT,
                description = "The control plane's state directory (default: ${DEFAULT-VALUE}).")
        Path stateDir;

        StateBackup backup() {
            var cfg = ConfigLoader.fromSystemEnvironment().loadControlPlane(config);
            return new StateBackup(stateDir, cfg.audit().file(), Clock.systemUTC());
        }
    }

    static int print(PrintWriter out, BackupVerification v) {
        out.println(v.archive() + (v.created().isEmpty() ? "" : " (made " + v.created() + ")"));
        v.entries().forEach((e, what) -> out.println("  " + e.name() + ": " + what));
        v.problems().forEach(p -> out.println("  PROBLEM " + p));
        out.println(v.sound() ? "sound: " + v.entries().size() + " file(s) can be restored"
                : v.problems().size() + " problem(s): do not restore from this archive");
        out.flush();
        return v.sound() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }

    /** {@code piha backup create}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Writes a backup while the control plane runs, and verifies it. Exit 0 when sound.")
    static final class Create implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        Where where;

        @Option(names = {"-o", "--output"}, description = "The archive (default: piha-state-<time>.zip here).")
        Path output;

        @Override
        public Integer call() {
            Path archive = output != null ? output : Path.of("piha-state-" + DateTimeFormatter
                    .ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Clock.systemUTC().instant()) + ".zip");
            return print(spec.commandLine().getOut(), where.backup().create(archive));
        }
    }

    /** {@code piha backup verify FILE}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Checks an archive: every file present, unchanged, and readable as the control plane reads "
                    + "it. Exit 0 sound, 1 not.")
    static final class Verify implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", description = "The archive.")
        Path archive;

        @Override
        public Integer call() {
            if (!java.nio.file.Files.isRegularFile(archive)) {
                throw new IllegalArgumentException("no such archive: " + archive);
            }
            return print(spec.commandLine().getOut(), BackupVerification.of(archive, Clock.systemUTC().instant()));
        }
    }

    /** {@code piha backup restore FILE}. */
    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Restores an archive into the state directory and the audit file's folder. Stop the "
                    + "control plane first. Nothing is written if the archive is damaged (exit 1) or a file with other "
                    + "contents is in the way (exit 4; --force keeps such files as <name>.before-restore-<time>)."})
    static final class Restore implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        Where where;

        @Parameters(index = "0", description = "The archive.")
        Path archive;

        @Option(names = "--force", description = "Replace files that differ, keeping them aside.")
        boolean force;

        @Override
        public Integer call() {
            if (!java.nio.file.Files.isRegularFile(archive)) {
                throw new IllegalArgumentException("no such archive: " + archive);
            }
            PrintWriter out = spec.commandLine().getOut();
            RestoreOutcome outcome = where.backup().restore(archive, force);
            if (outcome instanceof RestoreOutcome.Damaged d) {
                print(out, d.verification());
                return ExitCode.CHECK_FAILED.code();
            }
            if (outcome instanceof RestoreOutcome.Refused r) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(spec.qualifiedName() + ": files with other contents are in the way, nothing was restored: "
                        + r.inTheWay() + "; stop the control plane, then run it again with --force (they are kept "
                        + "aside)");
                err.flush();
                return ExitCode.REFUSED.code();
            }
            RestoreOutcome.Restored done = (RestoreOutcome.Restored) outcome;
            done.written().forEach(p -> out.println("restored " + p));
            done.keptAside().forEach(p -> out.println("kept aside " + p));
            out.println("restored " + done.written().size() + " file(s); start the control plane");
            out.flush();
            return ExitCode.OK.code();
        }
    }
}
