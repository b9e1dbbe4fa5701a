package io.piha.api.inventory;

import java.util.List;
import java.util.UUID;

/**
 * Reads the inventory's audit log, which the store writes in the same transaction as every change. Thread-safe.
 *
 * @since 0.1
 */
public interface AuditTrail {

    /** The newest entries within the scope, newest first, at most {@code limit}. */
    List<AuditRecord> recent(SiteScope scope, int limit);

    /** Every entry caused by one import run, oldest first. */
    List<AuditRecord> byImportRun(UUID importRunId);
}
