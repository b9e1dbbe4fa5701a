package io.piha.cli.poe;

import io.piha.api.Durations;
import io.piha.api.alert.AlertSink;
import io.piha.api.audit.AuditLog;
import io.piha.cli.ExitCode;
import io.piha.http.audit.Slf4jAuditLog;
import io.piha.api.recovery.PoeDriver;
import io.piha.poe.Pause;
import io.piha.poe.safety.GuardedSwitch;
import io.piha.poe.safety.RecoveryOutcome;
import io.piha.poe.safety.RecoveryRequest;
import io.piha.service.Switches;
import io.piha.service.config.ConfigException;
import io.piha.service.config.SwitchConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code piha poe status|on|off|cycle} share: the switch (from a file or flags), the port, the safety layer
 * with the switch's limits and the control plane's ledgers, a dry run, and outcomes printed for people with the
 * exit code of {@link ExitCode}.
 */
abstract class PortCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWITCH[:PORT]", description = "The switch's name and a port label, "
            + "e.g. rack:haos-primary (with flags, the port may be the switch's own port, e.g. rack:1.3).")
    String target;

    @Mixin
    SwitchOptions switchOptions;

    @Option(names = "--state-dir", defaultValue = io.piha.cli.StateDirectory.OPTION_DEFAULT,
            description = "Where the PoE ledgers live, shared with the control plane (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--dry-run", description = "Print the exact requests, audit them as planned, send nothing.")
    boolean dryRun;

    @Option(names = {"-r", "--reason"}, defaultValue = "by hand", description = "Why, for the audit trail "
            + "(default: ${DEFAULT-VALUE}).")
    String reason;

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            SwitchConfig sw = switchOptions.resolve(switchName());
            return run(sw, port(sw)).code();
        } catch (ConfigException e) {
            err.println(e.getMessage().strip().replace("\n", "; "));
            return ExitCode.USAGE.code();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCode.USAGE.code();
        }
    }

    /** Does the command's work on a resolved switch and port (empty: every port). */
    abstract ExitCode run(SwitchConfig sw, Optional<String> port);

    String switchName() {
        int colon = target.indexOf(':');
        return colon < 0 ? target : target.substring(0, colon);
    }

    /** The port label; a port written in the switch's own syntax is its own label when the switches come from flags. */
    Optional<String> port(SwitchConfig sw) {
        int colon = target.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String port = target.substring(colon + 1);
        if (!sw.ports().containsKey(port)) {
            throw new IllegalArgumentException("switch '" + sw.name() + "' has no port labelled '" + port + "' (it has "
                    + sw.ports().keySet() + ")");
        }
        return Optional.of(port);
    }

    String requirePort(SwitchConfig sw, Optional<String> port) {
        return port.orElseThrow(() -> new IllegalArgumentException("name the port: " + sw.name() + ":LABEL, one of "
                + sw.ports().keySet()));
    }

    /** Runs {@code action} on the switch behind its safety layer, and closes the driver. */
    RecoveryOutcome guarded(SwitchConfig sw, java.util.function.Function<GuardedSwitch, RecoveryOutcome> action) {
        PrintWriter err = spec.commandLine().getErr();
        AuditLog audit = new Slf4jAuditLog();
        AlertSink alerts = alert -> err.println("alert " + alert.code() + ": " + alert.message());
        try (PoeDriver driver = Switches.driver(sw)) {
            return action.apply(new GuardedSwitch(driver, Switches.safety(sw, dryRun), Switches.ledger(sw, stateDir),
                    Clock.systemUTC(), Pause.REAL, audit, alerts));
        }
    }

    RecoveryRequest request(String label) {
        return RecoveryRequest.of(label, "operator:" + System.getProperty("user.name", "unknown"), reason);
    }

    /** Prints an outcome for people and returns its exit code. */
    ExitCode report(String done, RecoveryOutcome outcome) {
        PrintWriter out = spec.commandLine().getOut();
        String where = outcome.switchName() + ":" + outcome.label();
        if (outcome instanceof RecoveryOutcome.Done d) {
            out.println(where + ": " + done + (d.verified().isEmpty() ? "" : ", confirmed by "
                    + d.verified().stream().map(s -> s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    .collect(Collectors.joining(", "))) + " (" + Durations.format(d.took()) + ")");
            return ExitCode.OK;
        }
        if (outcome instanceof RecoveryOutcome.Planned p) {
            out.println(where + ": dry run, nothing sent; would send:");
            p.requests().forEach(r -> out.println("  " + r));
            return ExitCode.OK;
        }
        if (outcome instanceof RecoveryOutcome.Refused r) {
            spec.commandLine().getErr().println(where + ": refused (" + r.rule().name().toLowerCase(java.util.Locale.ROOT)
                    + "): " + r.reason());
            return ExitCode.REFUSED;
        }
        RecoveryOutcome.Failed f = (RecoveryOutcome.Failed) outcome;
        spec.commandLine().getErr().println(where + ": failed at " + f.stage().name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ') + "; " + f.port().describe() + ": " + f.reason());
        return ExitCode.FAILED;
    }
}
