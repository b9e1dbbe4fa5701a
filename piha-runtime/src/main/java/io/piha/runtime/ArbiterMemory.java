package io.piha.runtime;

import io.piha.core.arbiter.ArbiterState;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the control plane remembers across restarts ({@link ArbiterState.Remembered}): the leader, the epoch, the
 * freeze, the failover history, the command counter, and a fence or grant in progress. The control plane writes it
 * <em>before</em> it acts on a decision, so a crash between the two is finished after the restart rather than lost.
 *
 * <p>{@link #inFile(Path)} is the implementation the services use; an integrator may keep the memory elsewhere (a
 * database row) by implementing this interface with the same guarantees: a {@code save} that returns is durable, and
 * a {@code load} never returns a state it cannot vouch for.
 *
 * @since 0.1
 */
public interface ArbiterMemory {

    /**
     * The state to start from: resumed from what was saved, or fresh if nothing was ever saved.
     *
     * @throws UnreadableMemoryException if something was saved but cannot be trusted (corrupt, truncated, unknown
     *     format); the control plane must not start from a guess
     */
    ArbiterState load(Instant now);

    /**
     * Remembers {@code state}'s {@linkplain ArbiterState#remembered() durable part}; durable when it returns.
     *
     * @throws java.io.UncheckedIOException if it could not be written; what was saved before is intact
     */
    void save(ArbiterState state);

    /** Where the memory lives, for messages (a file name, a table). */
    String describe();

    /** Whether {@code after} differs from {@code before} in anything remembered. */
    static boolean differs(ArbiterState before, ArbiterState after) {
        return !before.remembered().equals(after.remembered());
    }

    /** Memory kept in {@code file}, written atomically and forced to disk; its folder is created when first written. */
    static ArbiterMemory inFile(Path file) {
        return new FileArbiterMemory(file);
    }

    /**
     * Remembered content exists but cannot be trusted. The message says what is wrong and how to get back:
     * {@code piha control-plane rebuild-memory}.
     */
    final class UnreadableMemoryException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final String what;
        private final String wayBack;

        /**
         * An unreadable memory.
         *
         * @param what what is wrong, naming the memory
         * @param wayBack what to do about it
         */
        public UnreadableMemoryException(String what, String wayBack, Throwable cause) {
            super(what + ": " + wayBack, cause);
            this.what = what;
            this.wayBack = wayBack;
        }

        /** What is wrong, naming the memory. */
        public String what() {
            return what;
        }

        /** What to do about it. */
        public String wayBack() {
            return wayBack;
        }
    }
}
