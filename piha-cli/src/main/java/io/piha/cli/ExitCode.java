package io.piha.cli;

/**
 * The one exit-code table of every {@code piha} command. Scripts and systemd read these; a command never invents
 * its own.
 */
public enum ExitCode {

    /** It did what was asked. */
    OK(0, "success"),
    /** A check found a problem: a drill flow misbehaved, an audit found issues at or above --fail-on. */
    CHECK_FAILED(1, "a check found a problem"),
    /** Bad usage or bad input: unknown option, malformed value, missing or invalid configuration file. */
    USAGE(2, "bad usage or bad input"),
    /**
     * Done only in part: no answer in time, some input rows were rejected (and kept for the report), or the standby's
     * config waits (sync pending or frozen).
     */
    INCOMPLETE(3, "done only in part (no answer in time, rows rejected, sync pending)"),
    /** Refused by a guard or by the control plane: rate limit, protected port, freeze, stale epoch, a lock held. */
    REFUSED(4, "refused by a safety guard or by the control plane"),
    /** Failed: a broker, database, switch or host could not be reached, or the action did not complete. */
    FAILED(5, "failed: something could not be reached or did not complete");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }

    /** What it means, for help texts and docs. */
    public String meaning() {
        return meaning;
    }
}
