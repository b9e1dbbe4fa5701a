package io.piha.cli.config;

import io.piha.cli.ExitCode;
import io.piha.service.config.AgentConfig;
import io.piha.service.config.ConfigLoader;
import io.piha.service.config.ControlPlaneConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code piha config check}: reads configuration files as the services will, without starting anything. */
@Command(name = "config", mixinStandardHelpOptions = true, subcommands = ConfigCommand.Check.class,
        description = "Checks configuration files (docs/configuration.md).")
public final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code piha config check --control-plane FILE --agent FILE [--env-file FILE]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Reads each file as the service would, ${VAR}s included, and says what it found. "
                    + "Exit 0 when every file is sound, 2 with every problem of the first bad file."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--control-plane", paramLabel = "FILE", description = "A control plane's file (repeatable).")
        List<Path> controlPlanes = List.of();

        @Option(names = "--agent", paramLabel = "FILE", description = "An agent's file (repeatable).")
        List<Path> agents = List.of();

        @Option(names = "--env-file", paramLabel = "FILE",
                description = "KEY=value lines (the services' EnvironmentFile, e.g. /etc/piha/piha.env) for the "
                        + "${VAR}s, over the process environment.")
        Path envFile;

        @Override
        public Integer call() {
            if (controlPlanes.isEmpty() && agents.isEmpty()) {
                throw new IllegalArgumentException("nothing to check: give --control-plane FILE and/or --agent FILE");
            }
            ConfigLoader loader = new ConfigLoader(environment());
            PrintWriter out = spec.commandLine().getOut();
            for (Path file : controlPlanes) {
                ControlPlaneConfig c = loader.loadControlPlane(file);
                out.println("ok: " + file + ": control plane of site " + c.site() + ", " + c.services().size()
                        + " service(s), hosts " + c.hosts().stream().map(h -> h.id().value()).toList() + ", "
                        + c.switches().size() + " switch(es), broker " + c.broker().host() + ":" + c.broker().port());
            }
            for (Path file : agents) {
                AgentConfig a = loader.loadAgent(file);
                out.println("ok: " + file + ": agent of host " + a.host().value() + ", services "
                        + a.services().stream().map(s -> s.name().value()).toList() + ", broker " + a.broker().host()
                        + ":" + a.broker().port() + (a.gate().enabled() ? ", gate on " + a.gate().bind() + ":"
                        + a.gate().port() : ", no gate"));
            }
            out.flush();
            return ExitCode.OK.code();
        }

        private Map<String, String> environment() {
            Map<String, String> env = new HashMap<>(System.getenv());
            if (envFile != null) {
                env.putAll(EnvFile.read(envFile));
            }
            return env;
        }
    }

    /** systemd's EnvironmentFile lines: {@code KEY=value}, blank lines and {@code #} comments, optional quotes. */
    static final class EnvFile {
        private EnvFile() {
        }

        static Map<String, String> read(Path file) {
            try {
                return parse(file, Files.readAllLines(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the environment file " + file + ": " + e.getMessage(), e);
            }
        }

        static Map<String, String> parse(Path file, List<String> lines) {
            Map<String, String> env = new HashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq < 1 || !line.substring(0, eq).strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected KEY=value, got '"
                            + line.replaceAll("=.*", "=...") + "'");
                }
                String value = line.substring(eq + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                env.put(line.substring(0, eq).strip(), value);
            }
            return env;
        }
    }
}
