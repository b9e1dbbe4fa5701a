package io.piha.cli.recovery;

import io.piha.cli.ExitCode;
import io.piha.http.audit.AuditLogs;
import io.piha.http.audit.CompositeAuditLog;
import io.piha.poe.safety.GuardedReinstall;
import io.piha.poe.safety.RecoveryOutcome;
import io.piha.poe.safety.RecoveryRequest;
import io.piha.service.Recovery;
import io.piha.service.config.ControlPlaneConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code piha reinstall HOST --confirm HOST}: the host's scripted reinstall, through the guards. */
@Command(name = "reinstall", mixinStandardHelpOptions = true,
        description = "Start a host's scripted reinstall (its configured command or URL), guarded like a PoE action: "
                + "confirmation by naming the host, cooldown, rate limit, breaker, protected hosts, audit. Exit "
                + "codes: 0 started (or planned with --dry-run), 4 refused, 5 failed.")
public final class ReinstallCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ReinstallCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RecoveryOptions options;

    @Parameters(index = "0", description = "The host, as named in the configuration's hosts section, with a "
            + "reinstall: key.")
    String host;

    @Option(names = "--confirm", paramLabel = "HOST", description = "The host's name again: a reinstall wipes it. "
            + "Not needed with --dry-run.")
    String confirm;

    @Option(names = "--dry-run", description = "Show what would run, through the same guards, without running it.")
    boolean dryRun;

    @Option(names = {"-r", "--reason"}, defaultValue = "operator request",
            description = "Why, for the audit trail and the command's PIHA_REASON (default: ${DEFAULT-VALUE}).")
    String reason;

    @Override
    public Integer call() throws Exception {
        ControlPlaneConfig cfg = options.load();
        String actor = "operator:" + System.getProperty("user.name", "unknown");
        try (CompositeAuditLog audit = AuditLogs.open(cfg.audit())) {
            GuardedReinstall guard = Recovery.reinstall(cfg, options.stateDir, dryRun, Clock.systemUTC(), audit,
                    alert -> LOG.warn("{}: {}", alert.code(), alert.message()));
            return report(guard.reinstall(RecoveryRequest.of(host, actor, reason), Optional.ofNullable(confirm)));
        }
    }

    private int report(RecoveryOutcome outcome) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String command = "piha reinstall";
        if (outcome instanceof RecoveryOutcome.Planned p) {
            out.println("dry run: the reinstall of " + host + " would run:");
            p.requests().forEach(r -> out.println("  " + r));
            return ExitCode.OK.code();
        }
        if (outcome instanceof RecoveryOutcome.Refused r) {
            err.println(command + ": reinstall of " + host + " refused (" + r.rule().name().toLowerCase(Locale.ROOT)
                    + "): " + r.reason());
            return ExitCode.REFUSED.code();
        }
        if (outcome instanceof RecoveryOutcome.Failed f) {
            err.println(command + ": reinstall of " + host + " failed: " + f.reason()
                    + "; see the audit log, then run it again once fixed");
            return ExitCode.FAILED.code();
        }
        out.println("reinstall of " + host + " started (audited)");
        return ExitCode.OK.code();
    }
}
