package io.piha.cli.poe;

import picocli.CommandLine.Command;

/** {@code piha poe}: look at what a power action would send, and run a simulated PoE switch for drills. */
@Command(name = "poe", mixinStandardHelpOptions = true,
        description = "PoE recovery: dry-run plans and a simulated switch.",
        subcommands = {PlanCommand.class, SimulateCommand.class})
public final class PoeCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
