package io.piha.cli.run;

import io.piha.cli.ExitCode;
import io.piha.cli.LongRunning;
import io.piha.service.config.ConfigLoader;
import io.piha.service.AgentService;
import io.piha.service.ControlPlaneService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code piha control-plane} and {@code piha agent}: the long-running services, until stopped. */
public final class ServiceCommands {

    private ServiceCommands() {
    }

    static void runUntilStopped(AutoCloseable service) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception ignored) {
                // shutting down
            }
            stopped.countDown();
        }, "piha-shutdown"));
        stopped.await();
    }

    /** {@code piha control-plane --config FILE}. */
    @Command(name = "control-plane", mixinStandardHelpOptions = true,
            description = "Runs the control plane (watchdog, probes, PoE recovery, failover, alerts, status page) "
                    + "from its YAML configuration, until stopped. See docs/configuration.md.")
    public static final class ControlPlaneCommand implements Callable<Integer>, LongRunning {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = {"-c", "--config"}, required = true, description = "The control plane's YAML file.")
        Path config;

        @Option(names = "--state-dir", defaultValue = "${env:PIHA_STATE_DIR:-/var/lib/piha}",
                description = "Where the arbiters' memory and PoE ledgers live (default: ${DEFAULT-VALUE}).")
        Path stateDir;

        @Override
        public Integer call() throws Exception {
            var cfg = ConfigLoader.fromSystemEnvironment().loadControlPlane(config);
            ControlPlaneService service = new ControlPlaneService(cfg, Clock.systemUTC()).start(stateDir);
            spec.commandLine().getOut().println("control plane " + cfg.actor() + " runs " + cfg.services().size()
                    + " service(s)" + service.statusUrl().map(u -> "; status page " + u).orElse(""));
            spec.commandLine().getOut().flush();
            runUntilStopped(service);
            return ExitCode.OK.code();
        }
    }

    /** {@code piha agent --config FILE}. */
    @Command(name = "agent", mixinStandardHelpOptions = true,
            description = "Runs the agent beside a Home Assistant host from its YAML configuration, until stopped. "
                    + "It starts as a standby and never reclaims leadership by itself.")
    public static final class AgentCommand implements Callable<Integer>, LongRunning {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = {"-c", "--config"}, required = true, description = "The agent's YAML file.")
        Path config;

        @Override
        public Integer call() throws Exception {
            var cfg = ConfigLoader.fromSystemEnvironment().loadAgent(config);
            AgentService service = new AgentService(cfg, Clock.systemUTC()).start();
            spec.commandLine().getOut().println("agent " + cfg.host() + " runs as standby for " + cfg.services().size() + " service(s)");
            spec.commandLine().getOut().flush();
            runUntilStopped(service);
            return ExitCode.OK.code();
        }
    }
}
