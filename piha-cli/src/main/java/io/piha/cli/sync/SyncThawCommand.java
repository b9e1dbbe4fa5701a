package io.piha.cli.sync;

import io.piha.cli.ExitCode;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code piha sync thaw}: lifts a freeze; sync resumes after the observation window. */
@Command(name = "thaw", mixinStandardHelpOptions = true, description = "Lifts the freeze of config sync.")
final class SyncThawCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repo;

    @Option(names = "--by", defaultValue = "${sys:user.name}", description = "Who, for the audit trail. Default: ${DEFAULT-VALUE}.")
    String by;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        repo.open(clock, spec.commandLine().getErr()).thaw(by);
        spec.commandLine().getOut().println("thawed by " + by);
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
