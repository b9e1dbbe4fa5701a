package io.piha.cli.sync;

import io.piha.api.sync.SyncOutcome;
import io.piha.cli.ExitCode;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code piha sync now}: a forced sync, past the window, audited with the actor. */
@Command(name = "now", mixinStandardHelpOptions = true,
        description = "Syncs the newest primary commit now, past the observation window (never past forbidden"
                + " paths, never other than by fast-forward). Exit code 0 when the standby is up to date, 4 when frozen"
                + " or refused (forbidden paths), 5 when blocked.")
final class SyncNowCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repo;

    @Option(names = "--actor", defaultValue = "${sys:user.name}",
            description = "Who asks, for the audit trail. Default: ${DEFAULT-VALUE}.")
    String actor;

    @Option(names = "--even-if-frozen", description = "Sync even while frozen (an emergency; audited).")
    boolean evenIfFrozen;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        SyncOutcome outcome = repo.open(clock, spec.commandLine().getErr()).force(actor, evenIfFrozen);
        spec.commandLine().getOut().println(outcome.describe());
        spec.commandLine().getOut().flush();
        if (outcome.isHealthy()) {
            return ExitCode.OK.code();
        }
        return (outcome instanceof SyncOutcome.Blocked ? ExitCode.FAILED : ExitCode.REFUSED).code();
    }
}
