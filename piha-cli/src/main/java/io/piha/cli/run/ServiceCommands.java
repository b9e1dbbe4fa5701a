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
    @Command(name = "control-plane", mixinStandardHelpOptions = true, subcommands = RebuildMemoryCommand.class,
            description = "Runs the control plane (watchdog, probes, PoE recovery, failover, alerts, status page) "
                    + "from its YAML configuration, until stopped. See docs/configuration.md.")
    public static final class ControlPlaneCommand implements Callable<Integer>, LongRunning {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        // Not required by picocli: it would then be required before 'rebuild-memory' too.
        @Option(names = {"-c", "--config"}, description = "The control plane's YAML file (required).")
        Path config;

        @Option(names = "--state-dir", defaultValue = io.piha.cli.StateDirectory.OPTION_DEFAULT,
                description = "Where the arbiters' memory and PoE ledgers live (default: ${DEFAULT-VALUE}).")
        Path stateDir;

        @Override
        public Integer call() throws Exception {
            if (config == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "Missing required option: '--config=<config>'");
            }
            var cfg = ConfigLoader.fromSystemEnvironment().loadControlPlane(config);
            ControlPlaneService service = new ControlPlaneService(cfg, Clock.systemUTC()).start(stateDir);
            spec.commandLine().getOut().println("control plane " + cfg.actor() + " runs " + cfg.services().size()
                    + " service(s)" + service.statusUrl().map(u -> "; status page " + u).orElse(""));
            spec.commandLine().getOut().flush();
            runUntilStopped(service);
            return ExitCode.OK.code();
        }
    }

    /** {@code piha control-plane rebuild-memory --config FILE}: the way back from a memory that cannot be trusted. */
    @Command(name = "rebuild-memory", mixinStandardHelpOptions = true,
            description = {"Rebuilds the control plane's memory of each service from the broker: the retained lease "
                    + "(holder, epoch) and the highest epoch heard. For a memory file the control plane refuses "
                    + "(empty, cut short, damaged); the bad file is kept beside the new one.",
                    "Not kept on the broker, so not restored: the freeze (freeze again if failover was frozen) and "
                            + "the failover history. Run it with the control plane stopped."})
    public static final class RebuildMemoryCommand implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = {"-c", "--config"}, required = true, description = "The control plane's YAML file.")
        Path config;

        @Option(names = "--state-dir", defaultValue = io.piha.cli.StateDirectory.OPTION_DEFAULT,
                description = "Where the arbiters' memory lives (default: ${DEFAULT-VALUE}).")
        Path stateDir;

        @Option(names = "--listen",
                description = "How long to listen to the broker (default: a heartbeat interval and 5 s).")
        java.time.Duration listen;

        @Option(names = "--force", description = "Rebuild a memory that loads fine too.")
        boolean force;

        @Override
        public Integer call() {
            var cfg = ConfigLoader.fromSystemEnvironment().loadControlPlane(config);
            java.time.Duration wait = listen != null ? listen
                    : cfg.timings().contract().heartbeatInterval().plusSeconds(5);
            var out = spec.commandLine().getOut();
            var results = new io.piha.service.MemoryRebuild(cfg, Clock.systemUTC()).run(stateDir, wait, force, line -> {
                out.println(line);
                out.flush();
            });
            boolean unresolved = results.stream().anyMatch(r -> r.outcome().equals("nothing_heard"));
            return unresolved ? 1 : 0;
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
