package io.piha.cli;

import io.piha.cli.simulate.Simulation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code piha simulate}: plays the seed flows on the state machines in a simulated home. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Plays the seed flows on the state machines in simulated time (instant).", "",
            "Normal operation, heartbeat failure -> PoE reset -> promotion, return to primary, freeze with",
            "emergency promote: the real arbiter and agents in a deterministic simulated home. Prints the",
            "timeline and exits 1 if a flow misbehaved."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--chaos", description = "Deliver messages late (up to 2 s), out of order and sometimes twice.")
    boolean chaos;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed of the chaotic bus; the same seed plays the same run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        return Simulation.run(spec.commandLine().getOut(), chaos, seed);
    }
}
