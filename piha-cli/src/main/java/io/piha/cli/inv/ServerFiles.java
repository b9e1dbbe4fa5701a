package io.piha.cli.inv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The files through which commands and the shared server of one data directory {@code D} meet. Beside the
 * directory (which must be empty when PostgreSQL first creates it): {@code D.lock}, taken to start, join or stop
 * the server, and {@code D.server.log}, the server's output. Inside it, once the server runs:
 * {@value #STATE} (its port, process id and idle stop) and {@value #LAST_USED}, touched by every command.
 */
final class ServerFiles {

    static final String STATE = "piha-server.properties";
    static final String LAST_USED = "piha-last-used";

    // FileChannel locks belong to the process: threads of one JVM take turns on this lock first
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path dir;

    ServerFiles(Path dataDirectory) {
        this.dir = dataDirectory.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    Path log() {
        return dir.resolveSibling(dir.getFileName() + ".server.log");
    }

    Optional<ServerState> state() {
        Path file = dir.resolve(STATE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
            return Optional.of(new ServerState(Integer.parseInt(p.getProperty("port")), Long.parseLong(p.getProperty("pid")),
                    Duration.parse(p.getProperty("idle-stop"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The state of a server that runs and answers. */
    Optional<ServerState> live() {
        return state().filter(ServerState::alive);
    }

    void writeState(ServerState s) {
        Properties p = new Properties();
        p.setProperty("port", String.valueOf(s.port()));
        p.setProperty("pid", String.valueOf(s.pid()));
        p.setProperty("idle-stop", s.idleStop().toString());
        Path tmp = dir.resolve(STATE + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp)) {
            p.store(out, "the piha inv server of this data directory; deleted when it stops");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tmp, e);
        }
        try {
            Files.move(tmp, dir.resolve(STATE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(STATE), e);
        }
    }

    /** Forgets a server that no longer runs (its keeper was killed, or the machine restarted). */
    void deleteIfStale() {
        if (state().isPresent() && live().isEmpty()) {
            deleteState();
        }
    }

    void deleteState() {
        try {
            Files.deleteIfExists(dir.resolve(STATE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir.resolve(STATE), e);
        }
    }

    /** Notes that a command uses the server now. */
    void touch() {
        Path file = dir.resolve(LAST_USED);
        try {
            if (Files.isDirectory(dir)) {
                Files.write(file, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** When a command last used the server; the epoch if none did. */
    Instant lastUsed() {
        try {
            return Files.getLastModifiedTime(dir.resolve(LAST_USED)).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** Waits up to {@code wait} for the lock of this directory; {@code onWait} is run once if it must wait. */
    Lock lock(Duration wait, Runnable onWait) {
        return acquire(wait, onWait).orElseThrow(() -> new DatabaseBusyException("another piha inv has held "
                + lockFile() + " for " + wait.toSeconds() + " s (starting or stopping the inventory database in "
                + dir + "): see " + log() + ", or run `piha inv server stop --data-dir " + dir + "`"));
    }

    /** The lock of this directory if it is free now. */
    Optional<Lock> tryLock() {
        return acquire(Duration.ZERO, () -> { });
    }

    private Path lockFile() {
        return dir.resolveSibling(dir.getFileName() + ".lock");
    }

    private Optional<Lock> acquire(Duration wait, Runnable onWait) {
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(dir, d -> new ReentrantLock());
        boolean waited = false;
        try {
            Files.createDirectories(dir.getParent());
            while (true) {
                if (local.tryLock(50, TimeUnit.MILLISECONDS)) {
                    FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock held = channel.tryLock();
                    if (held != null) {
                        return Optional.of(new Lock(local, channel, held));
                    }
                    channel.close();
                    local.unlock();
                }
                if (System.nanoTime() >= deadline) {
                    return Optional.empty();
                }
                if (!waited) {
                    waited = true;
                    onWait.run();
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The lock of a data directory, held by this process and thread. */
    static final class Lock implements AutoCloseable {
        private final ReentrantLock local;
        private final FileChannel channel;
        private final FileLock held;

        private Lock(ReentrantLock local, FileChannel channel, FileLock held) {
            this.local = local;
            this.channel = channel;
            this.held = held;
        }

        @Override
        public void close() {
            try {
                held.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release a data directory lock", e);
            } finally {
                local.unlock();
            }
        }
    }
}
