package io.piha.sync.internal;

/** Why an attempt runs, which decides what it may pass. */
public enum SyncMode {
    /** The periodic attempt: window and freeze both hold. */
    SCHEDULED,
    /** An operator's sync now: past the window, not past a freeze. */
    FORCED,
    /** An operator's sync now, past a freeze as well. */
    FORCED_PAST_FREEZE
}
