package io.piha.core.arbiter;

import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.Availability;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.HostId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the arbiter reacts to: time passing, what it sees on the bus, and the answers of the edge to the
 * effects it asked for.
 *
 * @since 0.1
 */
public sealed interface ArbiterInput {

    /**
     * The input a bus message is for the arbiter; empty for the config-sync freeze flag, which is config sync's
     * (the service hands it over), not a leadership decision.
     */
    static Optional<ArbiterInput> of(LeadershipMessage m) {
        if (m instanceof LeadershipMessage.HeartbeatPublished h) {
            return Optional.of(new HeartbeatObserved(h.heartbeat()));
        } else if (m instanceof LeadershipMessage.CommandIssued c) {
            return Optional.of(new CommandObserved(c.command()));
        } else if (m instanceof LeadershipMessage.StateChanged s) {
            return Optional.of(new StateObserved(s.state()));
        } else if (m instanceof LeadershipMessage.LeaseGranted l) {
            return Optional.of(new LeaseObserved(l.lease()));
        } else if (m instanceof LeadershipMessage.EventRecorded e) {
            return Optional.of(new EventObserved(e.event()));
        } else if (m instanceof LeadershipMessage.AvailabilityChanged a) {
            return Optional.of(new AvailabilityObserved(a.host(), a.availability()));
        }
        return Optional.empty();
    }

    /** Time passed; the edge sends one at least at {@link ArbiterMachine#nextWakeUp}. */
    record Tick() implements ArbiterInput {
    }

    /**
     * A heartbeat was seen.
     *
     * @param heartbeat the heartbeat
     */
    record HeartbeatObserved(Heartbeat heartbeat) implements ArbiterInput {
        /** @throws NullPointerException if the heartbeat is null */
        public HeartbeatObserved {
            Objects.requireNonNull(heartbeat, "heartbeat");
        }
    }

    /**
     * The service's retained state was seen.
     *
     * @param state the state; empty means no leader
     */
    record StateObserved(Optional<LeaderState> state) implements ArbiterInput {
        /** @throws NullPointerException if the state is null */
        public StateObserved {
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * A lease was seen (usually the arbiter's own, retained).
     *
     * @param lease the lease
     */
    record LeaseObserved(Lease lease) implements ArbiterInput {
        /** @throws NullPointerException if the lease is null */
        public LeaseObserved {
            Objects.requireNonNull(lease, "lease");
        }
    }

    /**
     * A host's agent connected or its connection died (Last Will).
     *
     * @param host the host
     * @param availability online or offline
     */
    record AvailabilityObserved(HostId host, Availability availability) implements ArbiterInput {
        /** @throws NullPointerException if a component is null */
        public AvailabilityObserved {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(availability, "availability");
        }
    }

    /**
     * A command was seen on the command topic: an operator's request, or the echo of the arbiter's own.
     *
     * @param command the command
     */
    record CommandObserved(Command command) implements ArbiterInput {
        /** @throws NullPointerException if the command is null */
        public CommandObserved {
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * An event was seen, e.g. a node acknowledging a promote.
     *
     * @param event the event
     */
    record EventObserved(LeadershipEvent event) implements ArbiterInput {
        /** @throws NullPointerException if the event is null */
        public EventObserved {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * A probe the arbiter asked for has finished.
     *
     * @param host the probed host
     * @param result the result
     */
    record ProbeReported(HostId host, ProbeResult result) implements ArbiterInput {
        /** @throws NullPointerException if a component is null */
        public ProbeReported {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * A power action the arbiter asked for has finished.
     *
     * @param host the host whose port was switched
     * @param action what was asked
     * @param succeeded whether the switch confirmed it
     * @param detail what happened, naming switch and port
     */
    record PowerReported(HostId host, ArbiterEffect.PowerAction action, boolean succeeded, String detail)
            implements ArbiterInput {
        /** @throws NullPointerException if a component is null */
        public PowerReported {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The control plane started (fresh, or resumed from its memory): the arbiter finishes what its memory says it
     * was doing (a fence, a grant) and republishes the lease it holds, which a broker without persistence may have
     * lost.
     */
    record Started() implements ArbiterInput {
    }

    /**
     * The control plane's connection to the broker came back. Silence during the outage is nobody's fault: the
     * watchdog starts over, a Last Will delivered meanwhile is not believed, and the retained state and lease the
     * broker may have lost are published again.
     */
    record Connected() implements ArbiterInput {
    }

    /** The control plane lost the broker: it suspects nobody until the connection is back. */
    record Disconnected() implements ArbiterInput {
    }
}
