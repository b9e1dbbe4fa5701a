package io.piha.poe.safety;

import io.piha.api.health.HealthProbe;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to cycle one port: who asks, why, and how to tell the host is back.
 *
 * @param label the port label in the switch's port map
 * @param actor who asks, e.g. {@code arbiter} or an operator's name; audited
 * @param reason why, e.g. {@code haos-standby missed 12 heartbeats}; audited
 * @param host the probe of the host behind the port, the last read-back step; empty to skip it
 * @since 0.1
 */
public record RecoveryRequest(String label, String actor, String reason, Optional<HealthProbe> host) {

    /** @throws IllegalArgumentException if label, actor or reason is blank */
    public RecoveryRequest {
        Objects.requireNonNull(host, "host");
        if (label == null || label.isBlank() || actor == null || actor.isBlank() || reason == null
                || reason.isBlank()) {
            throw new IllegalArgumentException("a recovery needs a label, an actor and a reason, was '" + label
                    + "', '" + actor + "', '" + reason + "'");
        }
    }

    /** A request without a host probe. */
    public static RecoveryRequest of(String label, String actor, String reason) {
        return new RecoveryRequest(label, actor, reason, Optional.empty());
    }

    /** This request with a host probe as the last read-back step. */
    public RecoveryRequest withHost(HealthProbe probe) {
        return new RecoveryRequest(label, actor, reason, Optional.of(probe));
    }
}
