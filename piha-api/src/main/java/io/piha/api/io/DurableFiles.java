package io.piha.api.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes that survive a power cut: the data is forced to the disk before the call returns, and a replaced file is
 * either the old one or the new one, never half of each. A replace writes a uniquely named temporary file, forces
 * it, renames it over the target atomically and forces the directory, so the rename itself is durable.
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    /** Replaces {@code file} with {@code text} atomically and durably, creating its directory if needed. */
    public static void replace(Path file, String text) throws IOException {
        replace(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code file} with {@code bytes} atomically and durably, creating its directory if needed. */
    public static void replace(Path file, byte[] bytes) throws IOException {
        replace(file, out -> out.write(bytes), written -> { });
    }

    /** Writes a file's new content to the stream it is given. */
    @FunctionalInterface
    public interface ContentWriter {
        /** Writes the whole content; the stream is closed by the caller. */
        void write(java.io.OutputStream out) throws IOException;
    }

    /** Looks at a fully written temporary file and throws to refuse it. */
    @FunctionalInterface
    public interface ContentCheck {
        /** Throws (any exception) if the file at {@code written} must not replace the target. */
        void check(Path written) throws IOException;
    }

    /**
     * Replaces {@code file} with what {@code writer} writes, atomically and durably, but only if {@code check}
     * accepts the written content: for large or binary files (a downloaded archive). The content goes to a uniquely
     * named temporary file beside the target, is forced to disk and checked; only then is it renamed over the target.
     * If the writer or the check fails, the temporary file is removed and the target is as it was.
     */
    public static void replace(Path file, ContentWriter writer, ContentCheck check) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 java.io.OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                writer.write(out);
                out.flush();
                ch.force(true);
            }
            check.check(tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Appends {@code line} and a newline to {@code file} and forces it to disk, creating both if needed. */
    public static void appendLine(Path file, String line) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            write(ch, line + "\n");
            ch.force(true);
        }
        if (created) {
            forceDirectory(dir);
        }
    }

    /** An action on files that may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface FileAction<T> {
        /** Runs the action. */
        T run() throws IOException;
    }

    private static final java.util.concurrent.ConcurrentHashMap<Path, java.util.concurrent.locks.ReentrantLock> LOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Runs {@code action} while holding the exclusive lock of {@code file}: against the other threads of this JVM
     * and against other processes (an advisory lock on {@code .<name>.lock} beside it, which the operating system
     * releases if the process dies). For read-modify-write of a file that two processes open, e.g. the control
     * plane and {@code piha reset-host} sharing the PoE ledger.
     */
    public static <T> T exclusively(Path file, FileAction<T> action) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        java.util.concurrent.locks.ReentrantLock inJvm = LOCKS.computeIfAbsent(absolute,
                p -> new java.util.concurrent.locks.ReentrantLock());
        inJvm.lock();
        try {
            Path dir = absolute.getParent();
            Files.createDirectories(dir);
            Path lockFile = dir.resolve("." + absolute.getFileName() + ".lock");
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                java.nio.channels.FileLock lock = ch.lock();
                try {
                    return action.run();
                } finally {
                    lock.release();
                }
            }
        } finally {
            inJvm.unlock();
        }
    }

    /** Forces a directory's entries (a rename, a new file) to disk; a no-op where the platform cannot. */
    public static void forceDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; POSIX systems can, and there it must work.
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e instanceof IOException io ? io : new IOException(e);
            }
        }
    }

    private static void write(FileChannel ch, String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
