package io.piha.http.audit;

import io.piha.api.audit.AuditEntry;
import io.piha.api.audit.AuditLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The audit trail as a JSON-lines file, one entry per line (see {@link AuditJsonLine}), rotated at a size:
 * {@code audit.jsonl} is renamed {@code audit.jsonl.1}, older files shift up, and only {@code keep} rotated
 * files are kept. Each line is written whole with one positioned write and, unless told otherwise, forced
 * to disk before {@link #record} returns, so an audited power-cycle survives a power cut of the NAS.
 * A write failure throws {@link IllegalStateException} naming the file. Thread-safe within one process.
 *
 * @since 0.1
 */
public final class JsonLinesAuditLog implements AuditLog, AutoCloseable {

    /** Default size at which the file is rotated. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    /** Default number of rotated files kept. */
    public static final int DEFAULT_KEEP = 5;

    private final Path file;
    private final long maxBytes;
    private final int keep;
    private final boolean forceEachEntry;
    private FileChannel channel;
    private long size;

    /**
     * @param file the current file, e.g. {@code /var/log/piha-control/audit.jsonl}; parents are created
     * @param maxBytes size from which the next entry goes to a fresh file; at least 1 KiB
     * @param keep rotated files kept; at least 1
     * @param forceEachEntry whether each entry is forced to disk (fsync) before returning
     * @throws IllegalArgumentException if a limit is out of range
     */
    public JsonLinesAuditLog(Path file, long maxBytes, int keep, boolean forceEachEntry) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("audit rotation size must be at least 1024 bytes, was " + maxBytes);
        }
        if (keep < 1) {
            throw new IllegalArgumentException("audit files kept must be at least 1, was " + keep);
        }
        this.maxBytes = maxBytes;
        this.keep = keep;
        this.forceEachEntry = forceEachEntry;
    }

    /** A log with the default size (10 MiB), five rotated files, forced to disk on each entry. */
    public static JsonLinesAuditLog at(Path file) {
        return new JsonLinesAuditLog(file, DEFAULT_MAX_BYTES, DEFAULT_KEEP, true);
    }

    @Override
    public synchronized void record(AuditEntry entry) {
        byte[] line = (AuditJsonLine.format(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (channel == null) {
                open();
            }
            if (size > 0 && size + line.length > maxBytes) {
                rotate();
            }
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (forceEachEntry) {
                channel.force(false);
            }
            size += line.length;
        } catch (IOException e) {
            closeQuietly();
            throw new IllegalStateException("cannot write audit log " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file entries are written to now. */
    public Path file() {
        return file;
    }

    /**
     * Every entry of the current and rotated files, oldest first. Lines that are not entries (a line
     * cut short by a crash) are skipped.
     *
     * @throws IllegalStateException naming the file if one cannot be read
     */
    public static List<AuditEntry> readAll(Path file) {
        int oldest = 0;
        while (Files.exists(rotated(file, oldest + 1))) {
            oldest++;
        }
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = oldest; i >= 1; i--) {
            readInto(rotated(file, i), entries);
        }
        if (Files.exists(file)) {
            readInto(file, entries);
        }
        return entries;
    }

    private static void readInto(Path part, List<AuditEntry> entries) {
        try {
            for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try {
                        entries.add(AuditJsonLine.parse(line));
                    } catch (IllegalArgumentException torn) {
                        // a torn last line after a crash: the entries before it still count
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read audit log " + part + ": " + e.getMessage(), e);
        }
    }

    private void open() throws IOException {
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        size = channel.size();
    }

    private void rotate() throws IOException {
        channel.close();
        channel = null;
        Files.deleteIfExists(rotated(file, keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(rotated(file, i))) {
                Files.move(rotated(file, i), rotated(file, i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(file, 1), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    static Path rotated(Path file, int index) {
        return file.resolveSibling(file.getFileName() + "." + index);
    }

    private void closeQuietly() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the write failure is what gets reported
        }
        channel = null;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
