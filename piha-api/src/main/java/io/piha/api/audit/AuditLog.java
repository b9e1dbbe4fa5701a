package io.piha.api.audit;

/**
 * The append-only record of decisions. Implementations must be thread-safe; a failure to write is
 * reported as {@link IllegalStateException} naming the destination, because an unaudited irreversible
 * action must not go unnoticed.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface AuditLog {

    /** Appends one entry. */
    void record(AuditEntry entry);
}
