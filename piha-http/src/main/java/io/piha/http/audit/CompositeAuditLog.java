package io.piha.http.audit;

import io.piha.api.audit.AuditEntry;
import io.piha.api.audit.AuditLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Records each entry in several logs, e.g. the JSON-lines file and SLF4J. Every log is tried even when one
 * fails; then an {@link IllegalStateException} names the failures, with each cause attached as suppressed.
 * Thread-safe if its logs are. Closing it closes the logs that can be closed.
 *
 * @since 0.1
 */
public final class CompositeAuditLog implements AuditLog, AutoCloseable {

    private final List<AuditLog> logs;

    /**
     * @param logs the logs, tried in this order
     * @throws IllegalArgumentException if there are none
     */
    public CompositeAuditLog(List<AuditLog> logs) {
        this.logs = List.copyOf(logs);
        if (this.logs.isEmpty()) {
            throw new IllegalArgumentException("a composite audit log needs at least one log");
        }
    }

    /** A composite of the given logs. */
    public static CompositeAuditLog of(AuditLog... logs) {
        return new CompositeAuditLog(List.of(logs));
    }

    @Override
    public void record(AuditEntry entry) {
        List<RuntimeException> failures = new ArrayList<>();
        for (AuditLog log : logs) {
            try {
                log.record(entry);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("audit entry " + entry.action() + " on "
                    + entry.subject() + " not recorded in " + failures.size() + " of " + logs.size() + " logs: "
                    + failures.stream().map(Throwable::getMessage).toList());
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    @Override
    public void close() {
        for (AuditLog log : logs) {
            if (log instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // closing is best effort: every entry was already written (and forced) when recorded
                }
            }
        }
    }
}
