package io.piha.core.node;

import io.piha.api.audit.AuditEntry;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.LeadershipEvent;
import java.util.Objects;

/**
 * What the edge beside a node must do after a decision.
 *
 * @since 0.1
 */
public sealed interface NodeEffect {

    /**
     * Start leading (or continue, at a new epoch): heartbeat at {@code epoch} every interval, sending
     * {@link NodeInput.HeartbeatDue} to the machine; it acts once {@link Activate} says so.
     *
     * @param epoch the epoch to heartbeat with
     */
    record TakeLeadership(Epoch epoch) implements NodeEffect {
        /** @throws NullPointerException if the epoch is null */
        public TakeLeadership {
            Objects.requireNonNull(epoch, "epoch");
        }
    }

    /**
     * Stop leading at once: stop heartbeats, disable automations.
     *
     * @param reason why, e.g. {@code demoted} or {@code fenced by epoch 7}
     */
    record ReleaseLeadership(String reason) implements NodeEffect {
        /** @throws NullPointerException if the reason is null */
        public ReleaseLeadership {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Start acting: the lease is valid (or there is no arbiter to grant one); enable automations.
     *
     * @param epoch the epoch it acts under, its fencing token
     */
    record Activate(Epoch epoch) implements NodeEffect {
        /** @throws NullPointerException if the epoch is null */
        public Activate {
            Objects.requireNonNull(epoch, "epoch");
        }
    }

    /**
     * Stop acting but keep leading: the lease ran out without renewal (the arbiter is unreachable or considers
     * this node gone); disable automations and keep heartbeating, so a renewal can reactivate it.
     *
     * @param reason why
     */
    record Suspend(String reason) implements NodeEffect {
        /** @throws NullPointerException if the reason is null */
        public Suspend {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Publish this heartbeat (retained).
     *
     * @param heartbeat the heartbeat, with its id
     */
    record PublishHeartbeat(Heartbeat heartbeat) implements NodeEffect {
        /** @throws NullPointerException if the heartbeat is null */
        public PublishHeartbeat {
            Objects.requireNonNull(heartbeat, "heartbeat");
        }
    }

    /**
     * Publish the service's retained state.
     *
     * @param state the state
     */
    record PublishState(LeaderState state) implements NodeEffect {
        /** @throws NullPointerException if the state is null */
        public PublishState {
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * Publish an event (acknowledgements included).
     *
     * @param event the event
     */
    record PublishEvent(LeadershipEvent event) implements NodeEffect {
        /** @throws NullPointerException if the event is null */
        public PublishEvent {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * Record the decision.
     *
     * @param entry the audit entry
     */
    record Audit(AuditEntry entry) implements NodeEffect {
        /** @throws NullPointerException if the entry is null */
        public Audit {
            Objects.requireNonNull(entry, "entry");
        }
    }
}
