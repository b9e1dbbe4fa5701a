package io.piha.api.sync;

/**
 * Mirrors the primary's configuration to the standby branch, only after an observation window without
 * incidents, never while frozen, and only by fast-forward. Thread-safe: attempts are serialised. Every forced
 * sync, freeze and thaw is audited with its actor; every attempt is reported to the {@link SyncListener}.
 *
 * @since 0.1
 */
public interface ConfigSync {

    /**
     * Where sync stands now, read from the repository.
     *
     * @return the status; a broken repository shows as a {@link SyncOutcome.Blocked} last attempt
     */
    SyncStatus status();

    /**
     * Moves the standby to the newest commit that passed its observation window, unless frozen.
     *
     * @return what happened; failures to reach or update the repository are {@link SyncOutcome.Blocked}
     */
    SyncOutcome sync();

    /**
     * Syncs the newest primary commit now, past the observation window; still fast-forward only and still
     * refused for forbidden paths.
     *
     * @param actor who asked, for the audit trail
     * @param evenIfFrozen whether to pass a freeze too
     * @return what happened
     * @throws IllegalArgumentException if {@code actor} is blank
     */
    SyncOutcome force(String actor, boolean evenIfFrozen);

    /**
     * Freezes sync until thawed or until the freeze's end; replaces any freeze in force.
     *
     * @param freeze the freeze, naming who set it and why
     */
    void freeze(SyncFreeze freeze);

    /**
     * Ends a freeze; does nothing but audit if none is in force.
     *
     * @param actor who thawed, for the audit trail
     * @throws IllegalArgumentException if {@code actor} is blank
     */
    void thaw(String actor);
}
