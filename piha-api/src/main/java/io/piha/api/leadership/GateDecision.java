package io.piha.api.leadership;

import java.util.Objects;

/**
 * The answer of a {@link LeadershipGate}: act with this token, or do not act, and why.
 *
 * @since 0.1
 */
public sealed interface GateDecision {

    /** Whether the caller may act. */
    default boolean mayAct() {
        return this instanceof Leading;
    }

    /**
     * The caller leads; attach the token's epoch to what it does.
     *
     * @param token the current fencing token
     */
    record Leading(FencingToken token) implements GateDecision {
        /** @throws NullPointerException if the token is null */
        public Leading {
            Objects.requireNonNull(token, "token");
        }
    }

    /**
     * The caller must not act.
     *
     * @param reason why, e.g. {@code standby}, {@code fenced by epoch 7}
     */
    record NotLeading(String reason) implements GateDecision {
        /** @throws NullPointerException if the reason is null */
        public NotLeading {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
