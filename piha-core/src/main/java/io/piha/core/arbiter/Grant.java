package io.piha.core.arbiter;

import io.piha.api.leadership.HostId;
import java.util.Objects;
import java.util.Optional;

/**
 * A grant of leadership waiting for its old holder to be out of the way (acknowledged, fenced, or its lease waited
 * out). Every grant the arbiter makes goes through one.
 *
 * @param candidate the host to promote
 * @param reason why, for the lease, the promote and the audit trail (e.g. {@code heartbeat_timeout}, {@code manual})
 * @param automatic whether it is the arbiter's own failover (anti-flap, freeze apply) rather than an operator's
 * @param commandId the operator's command it answers, if any
 * @param handBack whether it waits for the candidate to answer its probe first, in maintenance (return to the primary)
 * @since 0.1
 */
public record Grant(HostId candidate, String reason, boolean automatic, Optional<String> commandId, boolean handBack) {

    /** @throws NullPointerException if a component is null */
    public Grant {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(commandId, "commandId");
    }

    /** The arbiter's own failover to {@code candidate}. */
    static Grant automatic(HostId candidate, String reason) {
        return new Grant(candidate, reason, true, Optional.empty(), false);
    }
}
