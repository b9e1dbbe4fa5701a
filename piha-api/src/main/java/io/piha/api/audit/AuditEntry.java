package io.piha.api.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One decision of the estate, accepted or refused.
 *
 * @param timestamp when it was decided
 * @param actor who decided, e.g. {@code arbiter}, {@code agent:haos-standby}, an operator
 * @param action what, e.g. {@code promote}, {@code power_cycle}, {@code sync}
 * @param subject on what, e.g. {@code home-assistant}, {@code switch-1/port-3}
 * @param outcome accepted, refused, failed or routine
 * @param reason why, in words that name the values involved
 * @param details further fields (never secrets)
 * @since 0.1
 */
public record AuditEntry(Instant timestamp, String actor, String action, String subject, Outcome outcome,
                         String reason, Map<String, String> details) {

    /** How a decision ended. */
    public enum Outcome {
        /** The action was taken or the input accepted. */
        ACCEPTED,
        /** The input was refused; state is unchanged. */
        REFUSED,
        /** The action was attempted and failed. */
        FAILED,
        /** A dry run: the action was planned, printed and recorded, and nothing was sent. */
        PLANNED,
        /**
         * Accepted, and routine: a heartbeat sent or seen, a lease renewed. Kept for the record; status pages and
         * logs summarise these (a count and the last time) rather than list them.
         */
        ROUTINE
    }

    /**
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if actor or action is blank
     */
    public AuditEntry {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        if (actor.isBlank() || action.isBlank()) {
            throw new IllegalArgumentException("audit entry needs an actor and an action, was '" + actor
                    + "' / '" + action + "'");
        }
        details = Map.copyOf(Objects.requireNonNull(details, "details"));
    }
}
