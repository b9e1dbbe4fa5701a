package io.piha.api.sync;

/**
 * Mirrors the primary's configuration to the standby branch. Thread-safe; every method that may move
 * the branch is audited.
 *
 * @since 0.1
 */
public interface ConfigSync {

    /** Where sync stands now. */
    SyncStatus status();

    /** Moves the standby to the newest commit that passed its observation window, unless frozen. */
    SyncOutcome sync();

    /**
     * Syncs the newest primary commit now, past the observation window.
     *
     * @param actor who asked, for the audit trail
     * @param evenIfFrozen whether to pass a freeze too
     */
    SyncOutcome force(String actor, boolean evenIfFrozen);

    /** Freezes sync until thawed or until the freeze's end. */
    void freeze(SyncFreeze freeze);

    /**
     * Ends a freeze.
     *
     * @param actor who thawed, for the audit trail
     */
    void thaw(String actor);
}
