package io.piha.http.haos;

import io.piha.api.io.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staging directory of HAOS backups for restore on the standby: {@code <created>_<slug>.tar}, newest last by
 * name. A backup is downloaded into a temporary file beside them, verified ({@link BackupArchive}) and only then
 * renamed into place ({@link DurableFiles#replace(Path, DurableFiles.ContentWriter, DurableFiles.ContentCheck)}), so
 * a broken download never replaces or removes anything already staged. After a new backup is staged, the oldest are
 * removed until {@code keep} remain. One staging directory per host.
 *
 * @since 0.1
 */
public final class BackupStaging {

    /** Default number of staged backups kept: 3. */
    public static final int DEFAULT_KEEP = 3;

    private static final Logger LOG = LoggerFactory.getLogger(BackupStaging.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern FILE = Pattern.compile("(\\d{8}T\\d{6}Z)_([A-Za-z0-9_-]{1,64})\\.tar");

    private final Path dir;
    private final int keep;

    /**
     * @param dir the staging directory (created when needed)
     * @param keep how many staged backups to keep, at least 1
     * @throws IllegalArgumentException if {@code keep} is below 1
     */
    public BackupStaging(Path dir, int keep) {
        this.dir = Objects.requireNonNull(dir, "dir");
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        this.keep = keep;
    }

    /**
     * Downloads {@code backup} from {@code source}, verifies it and stages it, then keeps the newest {@code keep}.
     *
     * @throws SupervisorException if the download fails or the archive is refused; what was staged before is kept
     */
    public StagedBackup pull(SupervisorBackups source, SupervisorBackup backup) {
        Path file = dir.resolve(STAMP.format(backup.date()) + "_" + backup.slug() + ".tar");
        BackupArchive.Contents[] contents = new BackupArchive.Contents[1];
        try {
            DurableFiles.replace(file, out -> source.download(backup.slug(), out),
                    written -> contents[0] = BackupArchive.verify(written, backup));
        } catch (IOException e) {
            throw new SupervisorException.BadAnswer(source.host() + ": backup " + backup.slug() + " refused, nothing "
                    + "staged (the " + staged().size() + " staged before are kept): " + e.getMessage()
                    + "; pull it again", e);
        }
        LOG.info("{}: staged backup {} ({} bytes, {} entries) at {}", source.host(), backup.slug(),
                contents[0].bytes(), contents[0].entries(), file);
        prune();
        return new StagedBackup(backup.slug(), backup.date().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), file,
                contents[0].bytes());
    }

    /** Asks the Supervisor for a new full backup named {@code name}, then pulls it as {@link #pull} does. */
    public StagedBackup pullNew(SupervisorBackups source, String name) {
        String slug = source.createFull(name);
        return pull(source, source.info(slug));
    }

    /**
     * Pulls the Supervisor's newest backup, as {@link #pull} does.
     *
     * @throws SupervisorException.BadAnswer if the Supervisor has no backup
     */
    public StagedBackup pullLatest(SupervisorBackups source) {
        List<SupervisorBackup> all = source.list();
        if (all.isEmpty()) {
            throw new SupervisorException.BadAnswer(source.host() + " has no backup to pull: create one first "
                    + "(piha haos backup pull --new)", null);
        }
        return pull(source, source.info(all.get(0).slug()));
    }

    /** The staged backups, oldest first. */
    public List<StagedBackup> staged() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<StagedBackup> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                Matcher m = FILE.matcher(f.getFileName().toString());
                if (m.matches()) {
                    all.add(new StagedBackup(m.group(2), Instant.from(STAMP.parse(m.group(1))), f, Files.size(f)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the staging directory " + dir + ": " + e.getMessage(), e);
        }
        return List.copyOf(all);
    }

    /** The newest staged backup, the one a restore takes. */
    public java.util.Optional<StagedBackup> newest() {
        List<StagedBackup> all = staged();
        return all.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(all.get(all.size() - 1));
    }

    private void prune() {
        List<StagedBackup> all = staged();
        for (StagedBackup old : all.subList(0, Math.max(0, all.size() - keep))) {
            try {
                Files.deleteIfExists(old.file());
                LOG.info("removed staged backup {} (keeping the newest {})", old.file(), keep);
            } catch (IOException e) {
                LOG.warn("cannot remove old staged backup {}: {}", old.file(), e.getMessage());
            }
        }
    }
}
