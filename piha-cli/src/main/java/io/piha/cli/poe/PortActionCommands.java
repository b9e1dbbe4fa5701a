package io.piha.cli.poe;

import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PortStatus;
import io.piha.cli.ExitCode;
import io.piha.service.Switches;
import io.piha.service.config.SwitchConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code piha poe status|on|off|cycle SWITCH[:PORT]}: read a port, or switch it through the safety layer. */
final class PortActionCommands {

    private PortActionCommands() {
    }

    /** Reads ports back: admin state, detection, power class and watts where the switch reports them. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show a port (or every port of the switch): admin state, detection, class, watts.")
    static final class Status extends PortCommand {
        @Override
        ExitCode run(SwitchConfig sw, Optional<String> port) {
            PrintWriter out = spec.commandLine().getOut();
            List<String> labels = port.map(List::of).orElseGet(() -> List.copyOf(sw.ports().keySet()));
            try (PoeDriver driver = Switches.driver(sw)) {
                out.printf("%-16s %-8s %-5s %-17s %-6s %s%n", "PORT", "AT", "ADMIN", "DETECTION", "CLASS", "WATTS");
                for (String label : labels) {
                    PortStatus s = driver.status(label);
                    out.printf("%-16s %-8s %-5s %-17s %-6s %s%n", label, sw.ports().get(label), s.adminEnabled() ? "on" : "off",
                            s.detection().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                            s.powerClass().isPresent() ? Integer.toString(s.powerClass().getAsInt()) : "-", watts(s));
                }
                return ExitCode.OK;
            } catch (PoeException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return e instanceof PoeException.UnknownPort ? ExitCode.USAGE : ExitCode.FAILED;
            }
        }

        private static String watts(PortStatus s) {
            if (s.powerWatts().isPresent()) {
                return String.format(Locale.ROOT, "%.1f", s.powerWatts().getAsDouble());
            }
            return s.pseWatts().isPresent() ? String.format(Locale.ROOT, "%.1f (whole PSE)", s.pseWatts().getAsDouble())
                    : "-";
        }
    }

    /** Switches a port on, then reads it back. */
    @Command(name = "on", mixinStandardHelpOptions = true, description = "Switch a port on and confirm it.")
    static final class On extends PortCommand {
        @Override
        ExitCode run(SwitchConfig sw, Optional<String> port) {
            String label = requirePort(sw, port);
            return report("switched on", guarded(sw, guard -> guard.powerOn(request(label))));
        }
    }

    /** Switches a port off and leaves it off (protected ports, cooldown and rate limits apply). */
    @Command(name = "off", mixinStandardHelpOptions = true,
            description = "Switch a port off and leave it off (protected ports, cooldown and rate limits apply).")
    static final class Off extends PortCommand {
        @Override
        ExitCode run(SwitchConfig sw, Optional<String> port) {
            String label = requirePort(sw, port);
            return report("switched off and left off", guarded(sw, guard -> guard.powerOff(request(label))));
        }
    }

    /** Power-cycles a port with the switch's off time, then confirms it came back. */
    @Command(name = "cycle", mixinStandardHelpOptions = true,
            description = "Power-cycle a port (off, the switch's off time, on) and confirm it came back.")
    static final class Cycle extends PortCommand {
        @Override
        ExitCode run(SwitchConfig sw, Optional<String> port) {
            String label = requirePort(sw, port);
            return report("cycled", guarded(sw, guard -> guard.powerCycle(request(label))));
        }
    }
}
