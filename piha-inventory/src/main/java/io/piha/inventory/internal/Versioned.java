package io.piha.inventory.internal;

import io.piha.api.inventory.InventoryException;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Optimistic locking: an update or delete that touched no row was either stale or aimed at nothing. */
final class Versioned {

    private Versioned() {
    }

    static void requireOneRow(Handle handle, int rows, String table, UUID id, long expectedVersion) {
        if (rows == 1) {
            return;
        }
        Long current = handle.createQuery("SELECT version FROM " + table + " WHERE id = :id")
                .bind("id", id).mapTo(Long.class).findOne().orElse(null);
        if (current == null) {
            throw new InventoryException.NotFound(table + " " + id + " does not exist");
        }
        throw new InventoryException.ConcurrentModification(table + " " + id + " was changed by someone else: you had"
                + " version " + expectedVersion + ", the store has version " + current + "; re-read and retry");
    }
}
