package io.piha.cli.inv;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded PostgreSQL of a data directory, kept running between {@code piha inv} commands so that a command
 * on a warm database skips the server's start-up and the schema's migration. The first command starts it in a
 * detached process ({@link ServerKeeper}); later commands find it through the data directory and connect; it
 * stops itself once no command has used it for the idle stop (default {@link #DEFAULT_IDLE_STOP}). Commands
 * that come while it starts wait for it; two commands at once share it. Thread-safe.
 *
 * @since 0.1
 */
public final class SharedServer {

    /** How long the server stays up after the last command, unless told otherwise. */
    public static final Duration DEFAULT_IDLE_STOP = Duration.ofMinutes(10);

    /** How long a command waits for a server that another command is starting or stopping. */
    static final Duration WAIT = Duration.ofSeconds(90);

    private static final Duration START = Duration.ofSeconds(60);

    private SharedServer() {
    }

    /**
     * The server of {@code dataDirectory}, started (detached, stopping after {@code idleStop} without commands) if
     * none runs; its password is in the directory ({@link EmbeddedDatabase}).
     *
     * @param err where to say that the command waits or starts the server
     * @throws DatabaseBusyException if another command holds the directory longer than {@link #WAIT}
     * @throws IllegalStateException quoting the server's log if it does not start
     */
    @SuppressWarnings("try") // the lock is held for the block, not used in it
    public static ServerState connect(Path dataDirectory, Duration idleStop, PrintWriter err) {
        ServerFiles files = new ServerFiles(dataDirectory);
        try (ServerFiles.Lock lock = files.lock(WAIT, () -> waiting(err, files))) {
            ServerState state = files.live().orElseGet(() -> start(files, idleStop, err));
            files.touch();
            return state;
        }
    }

    /** The running server of a data directory, if any. */
    public static Optional<ServerState> status(Path dataDirectory) {
        return new ServerFiles(dataDirectory).live();
    }

    /**
     * Stops the server of a data directory and waits until it has; false if none was running.
     *
     * @throws DatabaseBusyException if it does not stop within {@link #WAIT}
     */
    public static boolean stop(Path dataDirectory) {
        ServerFiles files = new ServerFiles(dataDirectory);
        Optional<ServerState> state = files.live();
        if (state.isEmpty()) {
            return false;
        }
        Optional<ProcessHandle> keeper = ProcessHandle.of(state.get().pid());
        keeper.ifPresent(ProcessHandle::destroy);
        try {
            if (keeper.isPresent()) {
                keeper.get().onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (TimeoutException | ExecutionException e) {
            throw new DatabaseBusyException("the inventory database in " + files.dir() + " (process "
                    + state.get().pid() + ") did not stop within " + WAIT.toSeconds() + " s: see " + files.log());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private static void waiting(PrintWriter err, ServerFiles files) {
        err.println("piha: waiting for the inventory database in " + files.dir() + " (another piha inv is starting"
                + " or stopping it)");
        err.flush();
    }

    /** Starts the server in a detached process and waits until it answers; the caller holds the lock. */
    private static ServerState start(ServerFiles files, Duration idleStop, PrintWriter err) {
        files.deleteIfStale();
        err.println("piha: starting the inventory database in " + files.dir() + "; it stops after "
                + idleStop.toMinutes() + " min without commands (or: piha inv server stop)");
        err.flush();
        Process keeper;
        try {
            Files.createDirectories(files.dir().getParent());
            keeper = new ProcessBuilder(command(files.dir(), idleStop)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the inventory database in " + files.dir(), e);
        }
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ServerState> state = files.live();
            if (state.isPresent()) {
                return state.get();
            }
            if (!keeper.isAlive()) {
                throw new IllegalStateException("the inventory database in " + files.dir() + " did not start: "
                        + lastLine(files.log()) + " (see " + files.log() + ")");
            }
            sleep(Duration.ofMillis(50));
        }
        keeper.destroy();
        throw new IllegalStateException("the inventory database in " + files.dir() + " did not answer within "
                + START.toSeconds() + " s (see " + files.log() + ")");
    }

    /** This JVM running {@link ServerKeeper}, in a session of its own so that closing the terminal spares it. */
    private static List<String> command(Path dir, Duration idleStop) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.addAll(List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ServerKeeper.class.getName(),
                dir.toString(), idleStop.toString()));
        return cmd;
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("(no output)");
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
