package io.piha.cli.inv;

import io.piha.cli.ExitCode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code piha inv server status|start|stop|run}: the embedded PostgreSQL that stays up between commands. */
@Command(name = "server", description = {"The embedded PostgreSQL of --data-dir, which stays up between commands.",
    "The first piha inv command starts it in the background; it stops after --idle-stop without commands."})
final class ServerCommand {

    @ParentCommand
    InvCommand inv;

    @Command(description = "Say whether the server of --data-dir runs, on which port, and when it stops.")
    int status() {
        Path dir = inv.dataDirectory();
        ServerFiles files = new ServerFiles(dir);
        inv.out().println(SharedServer.status(dir).map(s -> "running: port " + s.port() + ", process " + s.pid()
                        + ", stops " + s.idleStop().toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                        + " after the last command (last used " + ago(files) + "), data " + files.dir())
                .orElse("not running (data " + files.dir() + ")"));
        inv.out().flush();
        return ExitCode.OK.code();
    }

    @Command(description = "Start the server of --data-dir in the background, if it is not running.")
    int start() {
        return inv.guard(() -> {
            SharedServer.connect(inv.dataDirectory(), inv.idleStop, inv.err());
            return status();
        });
    }

    @Command(description = "Stop the server of --data-dir now (the data stays).")
    int stop() {
        return inv.guard(() -> {
            Path dir = inv.dataDirectory();
            inv.out().println(SharedServer.stop(dir) ? "stopped the inventory database in " + new ServerFiles(dir).dir()
                    : "not running (data " + new ServerFiles(dir).dir() + ")");
            inv.out().flush();
            return ExitCode.OK.code();
        });
    }

    @Command(description = "Run the server of --data-dir in the foreground until --idle-stop passes without"
            + " commands (or Ctrl-C).")
    int run() {
        return inv.guard(() -> {
            if (SharedServer.status(inv.dataDirectory()).isPresent()) {
                throw new DatabaseBusyException("the inventory database in " + inv.dataDirectory()
                        + " already runs: piha inv server stop first");
            }
            new ServerKeeper(inv.dataDirectory(), inv.idleStop).run();
            return ExitCode.OK.code();
        });
    }

    private static String ago(ServerFiles files) {
        Duration d = Duration.between(files.lastUsed(), Instant.now());
        return d.toSeconds() < 120 ? d.toSeconds() + " s ago" : d.toMinutes() + " min ago";
    }
}
