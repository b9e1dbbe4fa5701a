package io.piha.core.node;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.Lease;
import java.util.Objects;
import java.util.Optional;

/**
 * What a node reacts to.
 *
 * @since 0.1
 */
public sealed interface NodeInput {

    /**
     * The input a bus message is for a node: commands, state, leases and heartbeats; empty for the rest
     * (events, availability), which a node does not decide on.
     */
    static Optional<NodeInput> of(io.piha.api.leadership.LeadershipMessage m) {
        if (m instanceof io.piha.api.leadership.LeadershipMessage.CommandIssued c) {
            return Optional.of(new CommandReceived(c.command()));
        } else if (m instanceof io.piha.api.leadership.LeadershipMessage.StateChanged s) {
            return Optional.of(new StateObserved(s.state()));
        } else if (m instanceof io.piha.api.leadership.LeadershipMessage.LeaseGranted l) {
            return Optional.of(new LeaseObserved(l.lease()));
        } else if (m instanceof io.piha.api.leadership.LeadershipMessage.HeartbeatPublished h) {
            return Optional.of(new HeartbeatObserved(h.heartbeat()));
        }
        return Optional.empty();
    }

    /**
     * A command arrived on the service's command topic.
     *
     * @param command the command, plain or envelope
     */
    record CommandReceived(Command command) implements NodeInput {
        /** @throws NullPointerException if the command is null */
        public CommandReceived {
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * The service's retained state was seen; empty means "no leader".
     *
     * @param state the state
     */
    record StateObserved(Optional<LeaderState> state) implements NodeInput {
        /** @throws NullPointerException if the state is null */
        public StateObserved {
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * The arbiter's lease was seen.
     *
     * @param lease the lease
     */
    record LeaseObserved(Lease lease) implements NodeInput {
        /** @throws NullPointerException if the lease is null */
        public LeaseObserved {
            Objects.requireNonNull(lease, "lease");
        }
    }

    /**
     * A heartbeat was seen (from any host, this one included).
     *
     * @param heartbeat the heartbeat
     */
    record HeartbeatObserved(Heartbeat heartbeat) implements NodeInput {
        /** @throws NullPointerException if the heartbeat is null */
        public HeartbeatObserved {
            Objects.requireNonNull(heartbeat, "heartbeat");
        }
    }

    /** The heartbeat timer fired: a leader publishes its next heartbeat. */
    record HeartbeatDue() implements NodeInput {
    }

    /** Time passed; the edge sends one at least at {@link NodeMachine#nextWakeUp}, when the lease runs out. */
    record Tick() implements NodeInput {
    }
}
