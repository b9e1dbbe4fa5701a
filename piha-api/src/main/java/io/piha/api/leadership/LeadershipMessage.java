package io.piha.api.leadership;

import java.util.Objects;
import java.util.Optional;

/**
 * A message of the leadership contract for one service, in or out of a {@link LeadershipBus}.
 *
 * @since 0.1
 */
public sealed interface LeadershipMessage {

    /** The service the message belongs to. */
    ServiceName service();

    /**
     * The retained state of the service; empty means "no leader".
     *
     * @param service the service
     * @param state the state, or empty
     */
    record StateChanged(ServiceName service, Optional<LeaderState> state) implements LeadershipMessage {
        /** @throws NullPointerException if a component is null */
        public StateChanged {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * A heartbeat of the service's leader.
     *
     * @param service the service
     * @param heartbeat the heartbeat
     */
    record HeartbeatPublished(ServiceName service, Heartbeat heartbeat) implements LeadershipMessage {
        /** @throws NullPointerException if a component is null */
        public HeartbeatPublished {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(heartbeat, "heartbeat");
        }
    }

    /**
     * A command for the service.
     *
     * @param service the service
     * @param command the command
     */
    record CommandIssued(ServiceName service, Command command) implements LeadershipMessage {
        /** @throws NullPointerException if a component is null */
        public CommandIssued {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * An entry of the service's leadership history.
     *
     * @param service the service
     * @param event the event
     */
    record EventRecorded(ServiceName service, LeadershipEvent event) implements LeadershipMessage {
        /** @throws NullPointerException if a component is null */
        public EventRecorded {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * The arbiter's lease for the service.
     *
     * @param service the service
     * @param lease the lease
     */
    record LeaseGranted(ServiceName service, Lease lease) implements LeadershipMessage {
        /** @throws NullPointerException if a component is null */
        public LeaseGranted {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(lease, "lease");
        }
    }

    /**
     * A host's agent connected or disconnected.
     *
     * @param service the service
     * @param host the host
     * @param availability online or offline
     */
    record AvailabilityChanged(ServiceName service, HostId host, Availability availability)
            implements LeadershipMessage {
        /** @throws NullPointerException if a component is null */
        public AvailabilityChanged {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(availability, "availability");
        }
    }

    /**
     * The retained config-sync freeze flag of the service ({@code <prefix>/<service>/sync_freeze}, the seed's
     * {@code standby_sync_freeze}).
     *
     * @param service the service
     * @param freeze the freeze in force; empty means thawed (or the flag cleared)
     */
    record SyncFreezeFlagged(ServiceName service, Optional<io.piha.api.sync.SyncFreeze> freeze)
            implements LeadershipMessage {
        /** @throws NullPointerException if a component is null */
        public SyncFreezeFlagged {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(freeze, "freeze");
        }
    }
}
