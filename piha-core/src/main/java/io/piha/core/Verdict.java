package io.piha.core;

import java.util.Objects;

/**
 * Whether a state machine accepted an input. A rejected input leaves the state unchanged and is audited.
 *
 * @since 0.1
 */
public sealed interface Verdict {

    /** Whether the input was accepted. */
    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /**
     * The input was accepted.
     *
     * @param summary what it did, for logs
     */
    record Accepted(String summary) implements Verdict {
        /** @throws NullPointerException if the summary is null */
        public Accepted {
            Objects.requireNonNull(summary, "summary");
        }
    }

    /**
     * The input was refused; state is unchanged.
     *
     * @param reason why, naming the values involved
     */
    record Rejected(String reason) implements Verdict {
        /** @throws NullPointerException if the reason is null */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
