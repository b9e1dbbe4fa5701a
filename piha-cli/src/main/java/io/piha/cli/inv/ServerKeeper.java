package io.piha.cli.inv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded PostgreSQL of a data directory running until no command has used it for the idle stop, then
 * stops it. Run detached by {@link SharedServer} (this class's {@code main}), or in the foreground by
 * {@code piha inv server run}. It stops, under the directory's lock, only when no command touched the directory
 * within the idle stop and no client is connected; so a command that has found it always reaches it.
 *
 * @since 0.1
 */
public final class ServerKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(ServerKeeper.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final ServerFiles files;
    private final Duration idleStop;

    ServerKeeper(Path dataDirectory, Duration idleStop) {
        this.files = new ServerFiles(dataDirectory);
        this.idleStop = idleStop;
    }

    /**
     * {@code ServerKeeper DATA_DIRECTORY IDLE_STOP}: the detached server process. The command that starts it holds
     * the directory's lock until it answers.
     */
    public static void main(String[] args) {
        ServerKeeper keeper = new ServerKeeper(Path.of(args[0]), Duration.parse(args[1]));
        keeper.serve(keeper.start());
        System.exit(0);
    }

    /** Starts the server under the directory's lock, serves until idle (or stopped by a signal), and stops it. */
    @SuppressWarnings("try") // the lock is held for the block, not used in it
    void run() {
        EmbeddedDatabase db;
        try (ServerFiles.Lock lock = files.lock(SharedServer.WAIT, () -> { })) {
            db = start();
        }
        serve(db);
    }

    /** Starts the server and says so in the directory; the caller holds the lock. */
    private EmbeddedDatabase start() {
        stopOrphan();
        EmbeddedDatabase db = EmbeddedDatabase.start(files.dir());
        files.writeState(new ServerState(db.port(), ProcessHandle.current().pid(), idleStop));
        files.touch();
        return db;
    }

    @SuppressWarnings("try") // the lock is held for the block, not used in it
    private void serve(EmbeddedDatabase db) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(db), "piha-inv-server-stop"));
        LOG.info("inventory database in {} on port {}; stops after {} without commands", files.dir(), db.port(),
                idleStop);
        Duration poll = clamp(idleStop.dividedBy(4), Duration.ofMillis(250), Duration.ofSeconds(15));
        while (true) {
            SharedServer.sleep(poll);
            if (idle(db)) {
                Optional<ServerFiles.Lock> lock = files.tryLock();
                if (lock.isPresent()) {
                    try (ServerFiles.Lock held = lock.get()) {
                        if (idle(db)) {
                            LOG.info("no command for {}: stopping the inventory database in {}", idleStop, files.dir());
                            closeAndWait(db);
                            files.deleteState();
                            return;
                        }
                    }
                }
            }
        }
    }

    private boolean idle(EmbeddedDatabase db) {
        if (Instant.now().isBefore(files.lastUsed().plus(idleStop))) {
            return false;
        }
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1) == 0;
        } catch (SQLException e) {
            LOG.warn("cannot ask the inventory database in {} for its clients: {}", files.dir(), e.getMessage());
            return false;
        }
    }

    /** On a signal: stop under the lock, so that no command starts another server before this one is down. */
    @SuppressWarnings("try") // the lock is held for the block, not used in it
    private void stop(EmbeddedDatabase db) {
        try (ServerFiles.Lock lock = files.lock(STOP_WAIT, () -> { })) {
            closeAndWait(db);
            if (files.state().map(s -> s.pid() == ProcessHandle.current().pid()).orElse(false)) {
                files.deleteState();
            }
        } catch (RuntimeException e) {
            LOG.warn("stopping the inventory database in {}: {}", files.dir(), e.getMessage());
            closeAndWait(db);
        }
    }

    /** Closes the server and waits until PostgreSQL has removed its pid file (another close may be under way). */
    private void closeAndWait(EmbeddedDatabase db) {
        db.close();
        Path pid = files.dir().resolve("postmaster.pid");
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (Files.exists(pid) && System.nanoTime() < deadline) {
            SharedServer.sleep(Duration.ofMillis(50));
        }
    }

    /** A PostgreSQL left running in the directory by a keeper that was killed: stop it (fast shutdown). */
    private void stopOrphan() {
        Path pidFile = files.dir().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            Optional<ProcessHandle> postgres = ProcessHandle.of(pid).filter(p -> p.info().command()
                    .map(c -> c.endsWith("postgres")).orElse(false));
            if (postgres.isPresent()) {
                LOG.warn("stopping PostgreSQL {} left running in {} by a server that is gone", pid, files.dir());
                postgres.get().destroy();
                long deadline = System.nanoTime() + STOP_WAIT.toNanos();
                while (Files.exists(pidFile) && System.nanoTime() < deadline) {
                    SharedServer.sleep(Duration.ofMillis(100));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e instanceof IOException io ? io
                    : new IOException(e.getMessage(), e));
        }
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }
}
