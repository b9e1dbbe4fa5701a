package io.piha.cli;

import io.piha.api.leadership.CommandVerb;
import io.piha.cli.ops.LeadershipCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code piha} executable: one entry point, one subcommand per job.
 *
 * <p>Subcommands register here; each lives in its own package beside this one.
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
        })
public final class Piha implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the CLI and exits with the subcommand's exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests and embedding. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Piha());
        for (CommandVerb verb : CommandVerb.values()) {
            cli.addSubcommand(verb.wire(), LeadershipCommand.forVerb(verb));
        }
        cli.registerConverter(java.time.Duration.class, new DurationConverter());
        return cli.setCaseInsensitiveEnumValuesAllowed(true);
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
