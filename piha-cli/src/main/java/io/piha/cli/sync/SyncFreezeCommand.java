package io.piha.cli.sync;

import io.piha.api.sync.SyncFreeze;
import io.piha.cli.ExitCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code piha sync freeze}: stops config sync, with a reason, who and an optional end. */
@Command(name = "freeze", mixinStandardHelpOptions = true,
        description = "Freezes config sync until thawed, or until --until / for --for.")
final class SyncFreezeCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repo;

    @Option(names = "--reason", required = true, description = "Why, e.g. 'new Zigbee coordinator'.")
    String reason;

    @Option(names = "--by", defaultValue = "${sys:user.name}", description = "Who, for the audit trail. Default: ${DEFAULT-VALUE}.")
    String by;

    @ArgGroup(exclusive = true)
    End end;

    static final class End {
        @Option(names = "--until", description = "ISO-8601 end with offset, e.g. 2026-05-03T18:00:00+02:00.")
        OffsetDateTime until;

        @Option(names = "--for", description = "How long, e.g. 48h or 7d.")
        Duration length;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        Instant now = clock.instant();
        Optional<Instant> until = Optional.ofNullable(end)
                .map(e -> e.until != null ? e.until.toInstant() : now.plus(e.length));
        SyncFreeze freeze = new SyncFreeze(reason, by, now, until);
        repo.open(clock, spec.commandLine().getErr()).freeze(freeze);
        spec.commandLine().getOut().println("frozen by " + by + until.map(u -> " until " + u).orElse(" until thawed")
                + ": " + reason);
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
