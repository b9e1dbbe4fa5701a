package io.piha.service.backup;

import io.piha.api.io.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code piha backup create|verify|restore}: PiHA's own state (the control plane's memory of each service, the PoE
 * ledgers, the incident logs) and its audit trail, in one archive, consistent while the control plane runs.
 *
 * <p>Consistent because each file is read the way its writers write it: memories and ledgers are replaced whole
 * (atomic rename), and a ledger is read under the lock the control plane and {@code piha reset-host} take
 * ({@link DurableFiles#exclusively}); incident logs and the audit are appended line by line, so a line being written
 * is left out (the bytes up to the last newline). Every file is checked by the code that owns its format before it is
 * kept. Not kept: the config-sync cache (fetched again from the repository), lock and temporary files, memories kept
 * aside by {@code rebuild-memory}.
 *
 * @since 0.1
 */
public final class StateBackup {

    private final Path stateDir;
    private final Path auditFile;
    private final Clock clock;

    /**
     * @param stateDir the control plane's {@code --state-dir}
     * @param auditFile the control plane's {@code audit.file}
     * @param clock stamps the backup and the names of files kept aside
     */
    public StateBackup(Path stateDir, Path auditFile, Clock clock) {
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
        this.auditFile = Objects.requireNonNull(auditFile, "auditFile");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes a backup to {@code archive} and verifies what it wrote.
     *
     * @throws IllegalArgumentException naming the file if a file of the state cannot be trusted (it is not backed up:
     *     a memory the control plane would refuse is rebuilt with {@code piha control-plane rebuild-memory})
     * @throws UncheckedIOException if a file cannot be read or the archive cannot be written
     */
    public BackupVerification create(Path archive) {
        Map<BackupEntry, byte[]> files = new LinkedHashMap<>();
        try {
            for (Path f : stateFiles()) {
                BackupEntry.Kind kind = BackupEntry.Kind.ofStateFile(f.getFileName().toString()).orElseThrow();
                keep(files, "state/" + f.getFileName(), kind, snapshot(f, kind));
            }
            for (Path f : auditFiles()) {
                keep(files, "audit/" + f.getFileName(), BackupEntry.Kind.AUDIT, upToLastLine(Files.readAllBytes(f)));
            }
            BackupArchive.write(archive, Map.of("created", clock.instant().toString(),
                    "state_dir", stateDir.toAbsolutePath().toString(), "audit_file", auditFile.toAbsolutePath().toString(),
                    "audit_base", auditFile.getFileName().toString()), files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot back up " + stateDir + " to " + archive + ": " + e.getMessage(), e);
        }
        return BackupVerification.of(archive, clock.instant());
    }

    private void keep(Map<BackupEntry, byte[]> files, String name, BackupEntry.Kind kind, byte[] bytes) {
        BackupChecks.check(kind, name, bytes, clock.instant());
        files.put(new BackupEntry(name, kind, bytes.length, BackupArchive.sha256(bytes)), bytes);
    }

    private static byte[] snapshot(Path file, BackupEntry.Kind kind) throws IOException {
        return switch (kind) {
            case LEDGER -> DurableFiles.exclusively(file, () -> Files.readAllBytes(file));
            case INCIDENTS, AUDIT -> upToLastLine(Files.readAllBytes(file));
            case MEMORY -> Files.readAllBytes(file);
        };
    }

    /** The bytes up to and including the last newline: a line being appended is not half kept. */
    private static byte[] upToLastLine(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }

    private List<Path> stateFiles() throws IOException {
        if (!Files.isDirectory(stateDir)) {
            throw new IllegalArgumentException("state directory " + stateDir + " does not exist: check --state-dir "
                    + "(PIHA_STATE_DIR)");
        }
        try (Stream<Path> list = Files.list(stateDir)) {
            return list.filter(Files::isRegularFile)
                    .filter(p -> BackupEntry.Kind.ofStateFile(p.getFileName().toString()).isPresent())
                    .sorted().toList();
        }
    }

    private List<Path> auditFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 1; Files.exists(rotated(i)); i++) {
            out.add(0, rotated(i));
        }
        if (Files.exists(auditFile)) {
            out.add(auditFile);
        }
        return out;
    }

    private Path rotated(int i) {
        return auditFile.resolveSibling(auditFile.getFileName() + "." + i);
    }

    /**
     * Restores {@code archive} into the state directory and the audit file's folder. Run it with the control plane
     * stopped. Nothing is written when the archive fails verification, or when a file with other contents is in the
     * way and {@code force} is not given; with {@code force} such files are kept as
     * {@code <name>.before-restore-<time>}.
     *
     * @throws UncheckedIOException if a file cannot be written (files written before it stay written)
     */
    public RestoreOutcome restore(Path archive, boolean force) {
        BackupVerification v = BackupVerification.of(archive, clock.instant());
        if (!v.sound()) {
            return new RestoreOutcome.Damaged(v);
        }
        Map<Path, byte[]> targets = new LinkedHashMap<>();
        try {
            BackupArchive.Contents contents = BackupArchive.read(archive);
            String base = contents.manifest().getProperty("audit_base", auditFile.getFileName().toString());
            for (BackupEntry e : v.entries().keySet()) {
                targets.put(target(e, base), contents.files().get(e.name()));
            }
            List<Path> inTheWay = new ArrayList<>();
            for (Map.Entry<Path, byte[]> t : targets.entrySet()) {
                if (Files.exists(t.getKey()) && !Arrays.equals(Files.readAllBytes(t.getKey()), t.getValue())) {
                    inTheWay.add(t.getKey());
                }
            }
            if (!inTheWay.isEmpty() && !force) {
                return new RestoreOutcome.Refused(inTheWay);
            }
            return write(targets, inTheWay);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore " + archive + ": " + e.getMessage(), e);
        }
    }

    private Path target(BackupEntry e, String auditBase) {
        String file = e.name().substring(e.name().indexOf('/') + 1);
        if (e.kind() == BackupEntry.Kind.AUDIT) {
            String suffix = file.startsWith(auditBase) ? file.substring(auditBase.length()) : "";
            return auditFile.resolveSibling(auditFile.getFileName() + suffix);
        }
        return stateDir.resolve(file);
    }

    private RestoreOutcome write(Map<Path, byte[]> targets, List<Path> inTheWay) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(clock.instant());
        List<Path> kept = new ArrayList<>();
        for (Path p : inTheWay) {
            Path aside = p.resolveSibling(p.getFileName() + ".before-restore-" + stamp);
            Files.copy(p, aside);
            kept.add(aside);
        }
        for (Map.Entry<Path, byte[]> t : targets.entrySet()) {
            Path file = t.getKey();
            if (file.getFileName().toString().startsWith("poe-ledger-")) {
                DurableFiles.exclusively(file, () -> {
                    DurableFiles.replace(file, t.getValue());
                    return null;
                });
            } else {
                DurableFiles.replace(file, t.getValue());
            }
        }
        return new RestoreOutcome.Restored(List.copyOf(targets.keySet()), kept);
    }
}
