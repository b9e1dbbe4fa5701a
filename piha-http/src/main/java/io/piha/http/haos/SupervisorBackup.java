package io.piha.http.haos;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One backup as the Supervisor lists it ({@code GET /backups}, {@code GET /backups/<slug>/info}).
 *
 * @param slug the Supervisor's id of the backup, e.g. {@code skuwe823}
 * @param name the name given to it
 * @param date when it was created
 * @param type {@code full} or {@code partial}
 * @param passwordProtected whether its inner archives are encrypted
 * @param sizeBytes its size in bytes where the Supervisor says it ({@code size_bytes}, or {@code size} in MB,
 *     rounded); empty when it does not
 * @param sizeExact whether {@code sizeBytes} is exact ({@code size_bytes}) or rounded from MB
 * @since 0.1
 */
public record SupervisorBackup(String slug, String name, Instant date, String type, boolean passwordProtected,
                               OptionalLong sizeBytes, boolean sizeExact) {

    /** @throws IllegalArgumentException if the slug is not a plain word (it becomes part of a path and a URL) */
    public SupervisorBackup {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sizeBytes, "sizeBytes");
        if (!slug.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("backup slug '" + slug + "' is not a plain word of letters, digits,"
                    + " '_' and '-'");
        }
    }
}
