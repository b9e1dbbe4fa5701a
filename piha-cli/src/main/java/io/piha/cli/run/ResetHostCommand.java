package io.piha.cli.run;

import io.piha.api.leadership.HostId;
import io.piha.service.config.ConfigLoader;
import io.piha.service.config.ControlPlaneConfig;
import io.piha.service.config.HostConfig;
import io.piha.service.config.SwitchConfig;
import io.piha.service.HostReset;
import io.piha.poe.safety.RecoveryOutcome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code piha reset-host HOST}: one guarded power-cycle of a host's PoE port, for drills. */
@Command(name = "reset-host", mixinStandardHelpOptions = true,
        description = "Power-cycles a host's PoE port once through the safety layer (protected ports, cooldowns, "
                + "rate limits and the circuit breaker apply; audited). Exit codes: 0 done, 4 refused, 5 failed.")
public final class ResetHostCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "The host, as named in the configuration's hosts section; with a switch "
            + "from flags (--type ...), the label of its port.")
    String host;

    @picocli.CommandLine.Mixin
    io.piha.cli.poe.SwitchOptions switchFlags;

    @Option(names = "--switch", defaultValue = "switch", description = "The switch's name when it comes from flags.")
    String switchName;

    @Option(names = "--state-dir", defaultValue = io.piha.cli.StateDirectory.OPTION_DEFAULT,
            description = "Where the PoE ledgers live, shared with the control plane (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = {"-r", "--reason"}, defaultValue = "drill", description = "Why, for the audit trail (default: ${DEFAULT-VALUE}).")
    String reason;

    @Option(names = "--dry-run", description = "Print the exact requests without sending them.")
    boolean dryRun;

    @Override
    public Integer call() {
        String actor = "operator:" + System.getProperty("user.name", "unknown");
        if (switchFlags.fromFlags()) {
            SwitchConfig sw = switchFlags.resolve(switchName);
            return exit(HostReset.cycle(sw, host, stateDir, Clock.systemUTC(), actor, reason, dryRun));
        }
        ControlPlaneConfig cfg = ConfigLoader.fromSystemEnvironment().loadControlPlane(switchFlags.config());
        HostConfig h = cfg.host(HostId.of(host)).orElseThrow(() -> new IllegalArgumentException("unknown host '" + host
                + "': configured hosts are " + cfg.hosts().stream().map(x -> x.id().value()).toList()));
        HostConfig.PoePort port = h.poe().orElseThrow(() -> new IllegalArgumentException("host " + host + " has no poe port configured"));
        SwitchConfig sw = cfg.switchNamed(port.switchName()).orElseThrow();
        return exit(HostReset.cycle(sw, port.port(), stateDir, Clock.systemUTC(), actor, reason, dryRun, cfg.audit()));
    }

    private int exit(RecoveryOutcome outcome) {
        spec.commandLine().getOut().println(outcome);
        if (outcome instanceof RecoveryOutcome.Refused) {
            return 4;
        }
        return outcome instanceof RecoveryOutcome.Failed ? 5 : 0;
    }
}
