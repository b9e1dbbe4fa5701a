package io.piha.http.audit;

import io.piha.api.audit.AuditEntry;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The newest entries of a {@link JsonLinesAuditLog} trail (current file, then rotated ones), read from the end within
 * a byte budget: what a status page shows after a restart, at the same cost however long the trail is.
 *
 * @param entries the newest entries, oldest first, at most the number asked for
 * @param bytesRead how many bytes were read to find them (never more than the budget)
 * @since 0.1
 */
public record AuditTail(List<AuditEntry> entries, long bytesRead) {

    /** Default byte budget: 2 MiB, about eight thousand entries (with heartbeats every 30 s, the last days). */
    public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024;

    /** @throws NullPointerException if a component is null */
    public AuditTail {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /**
     * Reads the tail of a trail. A line cut by the budget or torn by a crash is skipped.
     *
     * @param file the current file of the trail, e.g. {@code audit.jsonl}; absent files give an empty tail
     * @param maxEntries the most entries returned; at least 1
     * @param maxBytes the most bytes read over all files; at least 1
     * @throws IllegalArgumentException if a limit is below 1
     * @throws IllegalStateException naming the file if one cannot be read
     */
    public static AuditTail read(Path file, int maxEntries, long maxBytes) {
        return read(file, maxEntries, maxBytes, e -> true);
    }

    /**
     * As {@link #read(Path, int, long)}, keeping only the entries {@code keep} accepts (e.g. no routine heartbeats), so
     * that sparse decisions are not crowded out of the tail by routine ones.
     */
    public static AuditTail read(Path file, int maxEntries, long maxBytes, Predicate<AuditEntry> keep) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("an audit tail needs at least 1 entry and 1 byte, was " + maxEntries
                    + " entries and " + maxBytes + " bytes");
        }
        List<AuditEntry> newestLast = new ArrayList<>();
        long read = 0;
        for (int part = 0; newestLast.size() < maxEntries && read < maxBytes; part++) {
            Path path = part == 0 ? file : JsonLinesAuditLog.rotated(file, part);
            if (!Files.exists(path)) {
                break;
            }
            List<AuditEntry> older = new ArrayList<>();
            read += readEnd(path, maxBytes - read, older, keep);
            older.addAll(newestLast);
            newestLast = older;
        }
        int from = Math.max(0, newestLast.size() - maxEntries);
        return new AuditTail(newestLast.subList(from, newestLast.size()), read);
    }

    /** Reads up to {@code budget} bytes from the end of one file into {@code into}; returns the bytes read. */
    private static long readEnd(Path path, long budget, List<AuditEntry> into, Predicate<AuditEntry> keep) {
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "r")) {
            long length = f.length();
            long start = Math.max(0, length - budget);
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, length - start)];
            f.seek(start);
            f.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            // a start inside a line cuts it: the first complete line begins after the first newline
            int first = start == 0 ? 0 : text.indexOf('\n') + 1;
            for (String line : text.substring(first == 0 && start > 0 ? text.length() : first).split("\n")) {
                if (!line.isBlank()) {
                    try {
                        AuditEntry entry = AuditJsonLine.parse(line);
                        if (keep.test(entry)) {
                            into.add(entry);
                        }
                    } catch (IllegalArgumentException torn) {
                        // a line torn by a crash: the entries around it still count
                    }
                }
            }
            return bytes.length;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read audit log " + path + ": " + e.getMessage(), e);
        }
    }
}
