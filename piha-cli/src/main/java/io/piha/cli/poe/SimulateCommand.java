package io.piha.cli.poe;

import io.piha.testkit.poe.SimulatedPoeSwitch;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code piha poe simulate}: runs an in-process RFC 3621 switch on 127.0.0.1 for drills and driver work,
 * printing every real power change, until interrupted or for {@code --for}.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a simulated SNMP PoE switch on 127.0.0.1 and print its power changes.")
final class SimulateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--ports", defaultValue = "8", description = "Ports in group 1 (default: ${DEFAULT-VALUE}).")
    int ports;

    @Option(names = "--udp-port", defaultValue = "0", description = "UDP port; 0 picks a free one.")
    int udpPort;

    @Option(names = "--write-community", defaultValue = "private",
            description = "The read-write v2c community (default: ${DEFAULT-VALUE}).")
    String writeCommunity;

    @Option(names = "--for", description = "Stop after this long, e.g. 10m; default: until interrupted.")
    Optional<Duration> runFor;

    @Override
    public Integer call() throws InterruptedException {
        if (ports < 1 || ports > 64) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--ports must be 1-64, was " + ports);
        }
        try (SimulatedPoeSwitch sw = SimulatedPoeSwitch.builder().ports(1, ports).udpPort(udpPort)
                .communities("public", writeCommunity).start()) {
            var out = spec.commandLine().getOut();
            sw.addListener((port, powered) -> {
                out.println("port " + port + " power " + (powered ? "on" : "off"));
                out.flush();
            });
            out.println("simulated PoE switch listening on 127.0.0.1:" + sw.udpPort() + " with ports 1.1-1." + ports);
            out.flush();
            CountDownLatch never = new CountDownLatch(1);
            if (runFor.isPresent()) {
                never.await(runFor.get().toMillis(), TimeUnit.MILLISECONDS);
            } else {
                never.await();
            }
        }
        return 0;
    }
}
