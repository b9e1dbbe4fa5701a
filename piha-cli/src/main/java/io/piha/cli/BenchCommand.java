package io.piha.cli;

import io.piha.cli.drill.FailoverBenchmark;
import io.piha.cli.drill.FootprintBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code piha bench}: the control plane's benchmarks (never part of the tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures failover overhead over real I/O, and the control plane's start-up time and memory.", "",
            "Failover: the drill's home fails over repeatedly; overhead is the time from the primary's last heartbeat to "
                    + "the standby's 'leader' minus the configured timeout, off time and wait.",
            "Fenced failover: heartbeats every second, from the primary hanging to the standby acting (fenced, leased).",
            "Footprint: 'piha control-plane' in its own JVM with the launcher's service flags (and with -Xmx64m alone) "
                    + "beside an idle JVM from the same jar.",
            "Results go in docs/benchmarks.md."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--failovers", defaultValue = "30",
            description = "Measured failovers, after 3 for warm-up; 0 skips this part (default: ${DEFAULT-VALUE}).")
    int failovers;

    @Option(names = "--fenced-failovers", defaultValue = "10",
            description = "Measured fenced failovers with 1 s heartbeats, after 1 for warm-up; 0 skips this part "
                    + "(default: ${DEFAULT-VALUE}).")
    int fencedFailovers;

    @Option(names = "--rounds", defaultValue = "3",
            description = "Footprint rounds, each starting every JVM once; medians are printed (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
        OptionChecks.atLeast(spec, "--failovers", failovers, 0);
        OptionChecks.atLeast(spec, "--fenced-failovers", fencedFailovers, 0);
        OptionChecks.atLeast(spec, "--rounds", rounds, 1);
        var out = spec.commandLine().getOut();
        if (failovers > 0) {
            out.println("== failover overhead (timings / 100, as in the drill)");
            FailoverBenchmark.run(out, 3, failovers);
            out.println();
        }
        if (fencedFailovers > 0) {
            out.println("== fenced failover end to end, heartbeats every second");
            FailoverBenchmark.runFenced(out, fencedFailovers);
            out.println();
        }
        out.println("== control-plane footprint");
        FootprintBenchmark.run(out, rounds);
        return ExitCode.OK.code();
    }
}
