package io.piha.core.arbiter;

import io.piha.api.alert.Alert;
import io.piha.api.audit.AuditEntry;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import java.util.Objects;

/**
 * What the edge must do for the arbiter. Probes and power actions are answered later with
 * {@link ArbiterInput.ProbeReported} and {@link ArbiterInput.PowerReported}.
 *
 * @since 0.1
 */
public sealed interface ArbiterEffect {

    /** The power actions the arbiter asks for. */
    enum PowerAction {
        /** Off, then on again: a recovery attempt. */
        CYCLE,
        /** Off and kept off: fencing. */
        OFF
    }

    /**
     * Probe a host's health.
     *
     * @param host the host
     */
    record Probe(HostId host) implements ArbiterEffect {
        /** @throws NullPointerException if the host is null */
        public Probe {
            Objects.requireNonNull(host, "host");
        }
    }

    /**
     * Switch a host's port.
     *
     * @param host the host
     * @param action cycle or off
     * @param reason why, for the PoE audit trail
     */
    record Power(HostId host, PowerAction action, String reason) implements ArbiterEffect {
        /** @throws NullPointerException if a component is null */
        public Power {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Publish a message on the bus.
     *
     * @param message the message
     */
    record Publish(LeadershipMessage message) implements ArbiterEffect {
        /** @throws NullPointerException if the message is null */
        public Publish {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Tell people.
     *
     * @param alert the alert
     */
    record RaiseAlert(Alert alert) implements ArbiterEffect {
        /** @throws NullPointerException if the alert is null */
        public RaiseAlert {
            Objects.requireNonNull(alert, "alert");
        }
    }

    /**
     * Record the decision.
     *
     * @param entry the audit entry
     */
    record Audit(AuditEntry entry) implements ArbiterEffect {
        /** @throws NullPointerException if the entry is null */
        public Audit {
            Objects.requireNonNull(entry, "entry");
        }
    }
}
