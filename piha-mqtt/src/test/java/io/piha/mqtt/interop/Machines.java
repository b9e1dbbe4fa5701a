package io.piha.mqtt.interop;

import io.piha.api.leadership.LeadershipBus;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.LeadershipMessage.AvailabilityChanged;
import io.piha.api.leadership.LeadershipMessage.CommandIssued;
import io.piha.api.leadership.LeadershipMessage.EventRecorded;
import io.piha.api.leadership.LeadershipMessage.HeartbeatPublished;
import io.piha.api.leadership.LeadershipMessage.LeaseGranted;
import io.piha.api.leadership.LeadershipMessage.StateChanged;
import io.piha.api.leadership.ServiceName;
import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterMachine;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.node.NodeEffect;
import io.piha.core.node.NodeInput;
import io.piha.core.node.NodeMachine;
import io.piha.core.node.NodeState;
import java.time.Clock;
import java.util.Optional;

/** Wiring of the core's node and arbiter machines to a bus: message to input, effect to publication. */
final class Machines {

    private Machines() {
    }

    static MachineOverMqtt<ArbiterState, ArbiterInput, ArbiterEffect> arbiter(LeadershipBus bus, ServiceName service,
                                                                                ArbiterMachine machine, Clock clock) {
        return new MachineOverMqtt<>(bus, service, clock, ArbiterState.startingUp(clock.instant()), machine::decide,
                Machines::arbiterInput, e -> e instanceof ArbiterEffect.Publish p ? Optional.of(p.message())
                        : Optional.empty());
    }

    static MachineOverMqtt<NodeState, NodeInput, NodeEffect> node(LeadershipBus bus, ServiceName service,
                                                                   NodeMachine machine, Clock clock) {
        return new MachineOverMqtt<>(bus, service, clock, NodeState.startingUp(machine.policy().self()),
                machine::decide, Machines::nodeInput, e -> nodePublication(service, e));
    }

    static Optional<ArbiterInput> arbiterInput(LeadershipMessage m) {
        if (m instanceof HeartbeatPublished h) {
            return Optional.of(new ArbiterInput.HeartbeatObserved(h.heartbeat()));
        } else if (m instanceof StateChanged s) {
            return Optional.of(new ArbiterInput.StateObserved(s.state()));
        } else if (m instanceof LeaseGranted l) {
            return Optional.of(new ArbiterInput.LeaseObserved(l.lease()));
        } else if (m instanceof AvailabilityChanged a) {
            return Optional.of(new ArbiterInput.AvailabilityObserved(a.host(), a.availability()));
        } else if (m instanceof CommandIssued c) {
            return Optional.of(new ArbiterInput.CommandObserved(c.command()));
        } else if (m instanceof EventRecorded e) {
            return Optional.of(new ArbiterInput.EventObserved(e.event()));
        }
        return Optional.empty();
    }

    static Optional<NodeInput> nodeInput(LeadershipMessage m) {
        if (m instanceof CommandIssued c) {
            return Optional.of(new NodeInput.CommandReceived(c.command()));
        } else if (m instanceof StateChanged s) {
            return Optional.of(new NodeInput.StateObserved(s.state()));
        } else if (m instanceof LeaseGranted l) {
            return Optional.of(new NodeInput.LeaseObserved(l.lease()));
        } else if (m instanceof HeartbeatPublished h) {
            return Optional.of(new NodeInput.HeartbeatObserved(h.heartbeat()));
        }
        return Optional.empty();
    }

    static Optional<LeadershipMessage> nodePublication(ServiceName service, NodeEffect e) {
        if (e instanceof NodeEffect.PublishState s) {
            return Optional.of(new StateChanged(service, Optional.of(s.state())));
        } else if (e instanceof NodeEffect.PublishEvent ev) {
            return Optional.of(new EventRecorded(service, ev.event()));
        }
        return Optional.empty();
    }
}
