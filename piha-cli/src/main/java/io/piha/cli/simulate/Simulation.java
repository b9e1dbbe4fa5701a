package io.piha.cli.simulate;

import io.piha.cli.ExitCode;
import io.piha.core.simulation.EstateSettings;
import java.io.PrintWriter;
import java.time.Duration;

/** Entry point of the leadership simulation, shared by the CLI and tests. */
public final class Simulation {

    private Simulation() {
    }

    /**
     * Plays the seed flows and prints the timeline.
     *
     * @return {@link ExitCode#OK} if every flow behaved, {@link ExitCode#CHECK_FAILED} otherwise
     */
    public static int run(PrintWriter out, boolean chaos, long seed) {
        EstateSettings settings = chaos
                ? EstateSettings.ofDefaults().withChaos(Duration.ofSeconds(2), 0.2, seed)
                : EstateSettings.ofDefaults();
        out.println("PiHA leadership simulation: the real arbiter and agents on simulated time"
                + (chaos ? " (chaotic bus, seed " + seed + ")" : ""));
        out.println("Times are relative to the start of each flow; heartbeat timeout 90 s, recovery wait 60 s.");
        Timeline timeline = new Timeline(out);
        SeedFlows flows = new SeedFlows(timeline, settings);
        flows.playAll();
        out.println();
        if (flows.failures().isEmpty()) {
            out.println("All four flows behaved.");
            return ExitCode.OK.code();
        }
        out.println(flows.failures().size() + " check(s) failed: " + flows.failures());
        return ExitCode.CHECK_FAILED.code();
    }
}
