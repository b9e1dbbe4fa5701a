package io.piha.api.inventory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One change to the inventory, as the audit log keeps it.
 *
 * @param id position in the log (increasing)
 * @param at when the change was made
 * @param actor who made it (a person, or an importer such as {@code import:scan})
 * @param action {@code create}, {@code update}, {@code delete}, or an importer decision such as {@code keep-field}
 * @param objectType the table, e.g. {@code device}
 * @param objectId the changed object
 * @param siteId the object's site, if it has one
 * @param before the object as JSON before the change; empty for a create
 * @param after the object as JSON after the change; empty for a delete
 * @param importRunId the import run that caused the change, if any
 * @since 0.1
 */
public record AuditRecord(long id, Instant at, String actor, String action, String objectType, UUID objectId,
                         Optional<UUID> siteId, Optional<String> before, Optional<String> after,
                         Optional<UUID> importRunId) {

    /** @throws NullPointerException if a component is null */
    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(importRunId, "importRunId");
    }
}
