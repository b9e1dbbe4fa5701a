package io.piha.cli.poe;

import picocli.CommandLine.Command;

/** {@code piha poe}: read and switch ports, look at what a power action would send, run a simulated switch. */
@Command(name = "poe", mixinStandardHelpOptions = true,
        description = "PoE: read and switch ports through the safety layer, dry-run plans, a simulated switch.",
        subcommands = {PortActionCommands.Status.class, PortActionCommands.On.class, PortActionCommands.Off.class,
            PortActionCommands.Cycle.class, PlanCommand.class, SimulateCommand.class})
public final class PoeCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
