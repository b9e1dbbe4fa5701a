package io.piha.http.audit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where decisions are recorded.
 *
 * @param file the JSON-lines file (default {@code /var/log/piha-control/audit.jsonl})
 * @param maxBytes size at which the file is rotated (default 10 MiB)
 * @param keep rotated files kept (default 5)
 * @param fsync whether each entry is forced to disk (default true)
 * @param syslog whether entries also go to SLF4J, i.e. the journal (default true)
 * @since 0.1
 */
public record AuditConfig(Path file, long maxBytes, int keep, boolean fsync, boolean syslog) {

    /** The default file of the control plane. */
    public static final Path DEFAULT_FILE = Path.of("/var/log/piha-control/audit.jsonl");
    /** Default rotation size. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    /** Default number of rotated files. */
    public static final int DEFAULT_KEEP = 5;

    /** @throws NullPointerException if the file is null */
    public AuditConfig {
        Objects.requireNonNull(file, "file");
    }

    /** The defaults, writing to {@code file}. */
    public static AuditConfig defaults(Path file) {
        return new AuditConfig(file, DEFAULT_MAX_BYTES, DEFAULT_KEEP, true, true);
    }
}
