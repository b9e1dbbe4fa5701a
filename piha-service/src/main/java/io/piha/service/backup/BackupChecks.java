package io.piha.service.backup;

import io.piha.core.arbiter.ArbiterState;
import io.piha.http.audit.AuditJsonLine;
import io.piha.poe.safety.SafetyLedger;
import io.piha.runtime.ArbiterMemory;
import io.piha.runtime.FileIncidentLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Reads each kind of file through the code that owns its format, so a backup never keeps (and a restore never
 * writes back) a file the control plane would refuse: memories are loaded with {@link ArbiterMemory}, ledgers opened
 * with {@link SafetyLedger}, incident logs with {@link FileIncidentLog}, audit lines parsed with
 * {@link AuditJsonLine}.
 */
final class BackupChecks {

    private BackupChecks() {
    }

    /**
     * What the bytes of {@code name} hold, for people ("epoch 7, leader haos-primary").
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    static String check(BackupEntry.Kind kind, String name, byte[] bytes, Instant now) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("piha-backup-check");
            Path file = dir.resolve(Path.of(name).getFileName().toString());
            Files.write(file, bytes);
            return switch (kind) {
                case MEMORY -> memory(file, now);
                case LEDGER -> {
                    SafetyLedger.open(file);
                    yield lines(bytes) + " ledger line(s)";
                }
                case INCIDENTS -> {
                    new FileIncidentLog(file, now);
                    yield lines(bytes) + " incident(s)";
                }
                case AUDIT -> audit(name, bytes);
            };
        } catch (ArbiterMemory.UnreadableMemoryException e) {
            throw new IllegalArgumentException(name + ": " + e.what(), e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + name + " in a temporary folder: " + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    private static String memory(Path file, Instant now) {
        ArbiterState state = ArbiterMemory.inFile(file).load(now);
        return "epoch " + state.epoch() + state.leader().map(l -> ", leader " + l).orElse(", no leader")
                + (state.frozen() ? ", frozen" : "");
    }

    private static String audit(String name, byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        int entries = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                AuditJsonLine.parse(lines[i]);
                entries++;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + " is not an audit entry: "
                        + e.getMessage(), e);
            }
        }
        return entries + " audit entries";
    }

    private static long lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
