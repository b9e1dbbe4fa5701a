package io.piha.cli.sync;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code piha sync}: the standby's config sync, seen and steered by an operator.
 */
@Command(name = "sync",
        mixinStandardHelpOptions = true,
        description = "Config sync of the primary's Home Assistant repository to the standby branch.",
        subcommands = {
            SyncStatusCommand.class,
            SyncNowCommand.class,
            SyncFreezeCommand.class,
            SyncThawCommand.class,
        })
public final class SyncCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
