package io.piha.cli;

import io.piha.cli.drill.Drill;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code piha drill}: the failover drill on embedded defaults. */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = {"Runs the failover drill for real, with nothing to install (about 30 s).", "",
            "An in-process MQTT broker, an SNMP PoE switch, two simulated Home Assistant hosts, the real control",
            "plane and the real standby agent play the four seed flows with timings / 100. Prints the timeline",
            "with measured durations and exits 1 if a flow misbehaved."})
final class DrillCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return Drill.run(spec.commandLine().getOut());
    }
}
