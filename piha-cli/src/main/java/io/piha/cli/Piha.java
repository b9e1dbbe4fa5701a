package io.piha.cli;

import io.piha.api.leadership.CommandVerb;
import io.piha.cli.ops.LeadershipCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code piha} executable: one entry point, one subcommand per job.
 *
 * <p>Subcommands register here; each lives in its own package beside this one. {@link #commandLine()} gives every
 * command of the tree the same manners: {@code -h}/{@code --help} and {@code -V}/{@code --version}, the global
 * {@code --verbose}, one duration grammar, one-line failures with the exit codes of {@link ExitCode}, and the log
 * level chosen when the command starts ({@link Logging}).
 */
@Command(name = "piha",
        mixinStandardHelpOptions = true,
        versionProvider = Piha.Version.class,
        description = "Keeps a Home Assistant estate alive without a person at the keyboard.",
        subcommands = {
            DrillCommand.class,
            BenchCommand.class,
            io.piha.cli.run.ServiceCommands.ControlPlaneCommand.class,
            io.piha.cli.run.ServiceCommands.AgentCommand.class,
            io.piha.cli.run.ResetHostCommand.class,
            SimulateCommand.class,
            io.piha.cli.ops.StatusCommand.class,
            CommandLine.HelpCommand.class,
            io.piha.cli.sync.SyncCommand.class,
            io.piha.cli.poe.PoeCommand.class,
            io.piha.cli.inv.InvCommand.class,
            io.piha.cli.platform.PlatformCommand.class,
            io.piha.cli.backup.BackupCommand.class,
            io.piha.cli.config.ConfigCommand.class,
            io.piha.cli.recovery.HaosCommand.class,
            io.piha.cli.recovery.ReinstallCommand.class,
        })
public final class Piha implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Log INFO (DEBUG for PiHA itself) to stderr, and print the stack trace of a failure.")
    boolean verbose;

    /** Runs the CLI and exits with the subcommand's exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests and embedding. */
    public static CommandLine commandLine() {
        Piha piha = new Piha();
        CommandLine cli = new CommandLine(piha);
        for (CommandVerb verb : CommandVerb.values()) {
            cli.addSubcommand(verb.wire(), LeadershipCommand.forVerb(verb));
        }
        everyCommand(cli, Piha::standardOptions);
        cli.getCommandSpec().usageMessage().footer(footer());
        cli.registerConverter(java.time.Duration.class, new DurationConverter());
        FailureHandler failures = new FailureHandler(() -> piha.verbose);
        cli.setExecutionExceptionHandler(failures);
        cli.setParameterExceptionHandler(failures);
        cli.setExecutionStrategy(parsed -> {
            Logging.apply(piha.verbose, last(parsed).getCommand() instanceof LongRunning);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli.setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * {@code -h}, {@code --help}, {@code -V} and {@code --version} on every command, whoever wrote it. Added as plain
     * options after the command's own (not as picocli's mixin, which a command method counts among its parameters).
     */
    private static void standardOptions(CommandLine command) {
        CommandLine.Model.CommandSpec s = command.getCommandSpec();
        if (s.findOption("--help") == null) {
            s.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        if (s.findOption("--version") == null && s.findOption("-V") == null) {
            s.addOption(CommandLine.Model.OptionSpec.builder("-V", "--version").versionHelp(true)
                    .description("Print version information and exit.").build());
        }
        s.versionProvider(new Version());
    }

    private static void everyCommand(CommandLine command, Consumer<CommandLine> action) {
        action.accept(command);
        command.getSubcommands().values().forEach(sub -> everyCommand(sub, action));
    }

    private static CommandLine last(ParseResult parsed) {
        List<CommandLine> chain = parsed.asCommandLineList();
        return chain.get(chain.size() - 1);
    }

    /** The exit-code table, as {@code piha --help} ends. */
    static String[] footer() {
        List<String> lines = new ArrayList<>(List.of("", "Exit codes:"));
        for (ExitCode c : ExitCode.values()) {
            lines.add("  " + c.code() + "  " + c.meaning());
        }
        lines.add("");
        lines.add("A failure is one line on stderr: 'piha <command>: what happened; what to do'.");
        lines.add("--verbose adds its stack trace and INFO logs; PIHA_LOG_LEVEL (e.g. DEBUG) sets");
        lines.add("the log level of any command. More: piha-cli/README.md");
        return lines.toArray(String[]::new);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Piha.class.getPackage().getImplementationVersion();
            return new String[] {"piha " + (v == null ? "development build" : v)};
        }
    }
}
