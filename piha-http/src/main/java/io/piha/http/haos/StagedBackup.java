package io.piha.http.haos;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A verified HAOS backup in the staging directory, ready to be restored on the standby.
 *
 * @param slug the Supervisor's id
 * @param date when the backup was created
 * @param file the archive
 * @param bytes its size
 * @since 0.1
 */
public record StagedBackup(String slug, Instant date, Path file, long bytes) {

    /** @throws NullPointerException if a component is null */
    public StagedBackup {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(file, "file");
    }
}
