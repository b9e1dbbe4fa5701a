package io.piha.cli.sync;

import io.piha.api.Durations;
import io.piha.api.sync.SyncFreeze;
import io.piha.api.sync.SyncOutcome;
import io.piha.api.sync.SyncStatus;
import io.piha.cli.ExitCode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code piha sync status}: synced commit, pending commit and when it becomes eligible, freeze, health. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the synced and pending commits, any freeze and whether sync is healthy."
                + " Exit code 0 when healthy, 3 when pending or frozen, 1 when blocked or never synced.")
final class SyncStatusCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repo;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Instant now = clock.instant();
        SyncStatus status = repo.open(clock, spec.commandLine().getErr()).status();
        out.printf("service:  %s%n", repo.service);
        out.printf("standby:  %s%n", status.synced().map(c -> c.hex() + " (refs/heads/" + repo.standby + ")")
                .orElse("no standby branch yet"));
        out.printf("pending:  %s%n", status.pending().map(p -> pending(p, now)).orElse("none"));
        out.printf("freeze:   %s%n", status.freeze().map(SyncStatusCommand::freeze).orElse("none"));
        status.last().ifPresent(e -> out.printf("last:     %s (%s, at %s)%n", e.outcome().describe(), e.actor(), e.at()));
        String health = health(status);
        out.printf("health:   %s%n", health);
        out.println("note:     incidents are not known to this command; the control plane's status page"
                + " includes them in the pending time");
        out.flush();
        return switch (health) {
            case "HEALTHY" -> ExitCode.OK.code();
            case "BLOCKED", "NOT SYNCED" -> ExitCode.CHECK_FAILED.code();
            default -> ExitCode.INCOMPLETE.code();
        };
    }

    private static String health(SyncStatus status) {
        if (status.isHealthy()) {
            return "HEALTHY";
        }
        if (status.last().map(e -> e.outcome() instanceof SyncOutcome.Blocked).orElse(false)) {
            return "BLOCKED";
        }
        return status.freeze().isPresent() ? "FROZEN" : status.pending().isPresent() ? "PENDING" : "NOT SYNCED";
    }

    private static String pending(SyncOutcome.Pending p, Instant now) {
        Duration left = Duration.between(now, p.eligibleAt()).truncatedTo(ChronoUnit.MINUTES);
        String when = left.isNegative() || left.isZero() ? "eligible now" : "in " + Durations.format(left);
        return p.commit().hex() + ", eligible at " + p.eligibleAt() + " (" + when + ")";
    }

    private static String freeze(SyncFreeze f) {
        return new SyncOutcome.Frozen(f).describe();
    }
}
