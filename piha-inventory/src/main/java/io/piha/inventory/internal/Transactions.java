package io.piha.inventory.internal;

import io.piha.api.inventory.InventoryException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs units of work in one transaction each, with the actor, time and import run set as transaction-local
 * settings that the audit triggers read, and database errors translated into {@link InventoryException}s.
 * Internal: not part of the public API.
 */
public final class Transactions {

    private final Jdbi jdbi;
    private final Clock clock;
    private final TimeOrderedIds ids;

    /** @param jdbi the database; @param clock the time written to the audit log */
    public Transactions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = new TimeOrderedIds(clock);
    }

    /** The clock changes are stamped with. */
    public Clock clock() {
        return clock;
    }

    /**
     * Time-ordered ids for rows written in bulk (import runs, the devices an import creates): they keep a bulk
     * insert at the right edge of the indexes over them, and an import run's audit entries in adjacent blocks.
     */
    public TimeOrderedIds ids() {
        return ids;
    }

    /** Runs a read. */
    public <T> T read(String what, HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw SqlErrors.translate(what, e);
        }
    }

    /** Runs a change as {@code actor}, optionally on behalf of an import run; all or nothing. */
    public <T> T write(String actor, Optional<UUID> importRun, String what, HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.inTransaction(handle -> {
                stamp(handle, actor, importRun);
                return work.withHandle(handle);
            });
        } catch (JdbiException e) {
            throw SqlErrors.translate(what, e);
        }
    }

    /** Runs a change exactly as {@link #write} would, then rolls it back: a dry run that cannot drift from the real one. */
    public <T> T rehearse(String actor, Optional<UUID> importRun, String what, HandleCallback<T, RuntimeException> work) {
        try (Handle handle = jdbi.open()) {
            handle.begin();
            try {
                stamp(handle, actor, importRun);
                return work.withHandle(handle);
            } finally {
                handle.rollback();
            }
        } catch (JdbiException e) {
            throw SqlErrors.translate(what, e);
        }
    }

    /** Sets who, when and which run for the audit triggers, for the rest of the handle's transaction. */
    public void stamp(Handle handle, String actor, Optional<UUID> importRun) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("every change needs an actor for the audit log");
        }
        handle.createQuery("SELECT set_config('piha.actor', :actor, true) AS a, set_config('piha.at', :at, true) AS b,"
                        + " set_config('piha.import_run', :run, true) AS c")
                .bind("actor", actor)
                .bind("at", clock.instant().toString())
                .bind("run", importRun.map(UUID::toString).orElse(""))
                .mapToMap().one();
    }
}
