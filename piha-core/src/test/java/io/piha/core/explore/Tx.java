package io.piha.core.explore;

import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.core.Decision;
import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.explore.Choice.PowerOutcome;
import io.piha.core.explore.World.Host;
import io.piha.core.node.NodeEffect;
import io.piha.core.node.NodeInput;
import io.piha.core.node.NodeState;
import io.piha.core.simulation.EstateObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One transition in the making: a mutable copy of a {@link World} that the real machines decide on, the broker
 * routes messages through and the switch acts on, frozen again by {@link #world()}. What it does is told to an
 * observer (the timeline of a trace); what breaks a grant rule is collected in {@link #broken}.
 */
final class Tx {

    private static final Duration PROBE_LATENCY = Duration.ZERO;

    private final Model model;
    private final EstateObserver observer;
    final List<Invariants.Broken> broken = new ArrayList<>();
    Instant now;
    ArbiterState arbiter;
    final List<ArbiterEffect> pending;
    final Host[] hosts;
    final List<ArbiterInput> toArbiter;
    final List<List<NodeInput>> toNode;
    World.Retained retained;
    Ghost ghost;
    Budget budget;

    Tx(Model model, World w, EstateObserver observer) {
        this.model = model;
        this.observer = observer;
        now = w.now();
        arbiter = w.arbiter();
        pending = new ArrayList<>(w.pending());
        hosts = w.hosts().toArray(new Host[0]);
        toArbiter = new ArrayList<>(w.toArbiter().items());
        toNode = List.of(new ArrayList<>(w.toPrimary().items()), new ArrayList<>(w.toStandby().items()));
        retained = w.retained();
        ghost = w.ghost();
        budget = w.budget();
    }

    /** The situation after this transition; a lease that ran out meanwhile is noticed by its node first. */
    World world() {
        for (int i = 0; i < hosts.length; i++) {
            NodeState n = hosts[i].node();
            if (hosts[i].answers() && n.active() && n.leaseUntil().filter(u -> !now.isBefore(u)).isPresent()) {
                nodeDecides(i, new NodeInput.Tick());
            }
            if (hosts[i].acts(now) && ghost.operatorPromoted().filter(hosts[i].id()::equals).isPresent()) {
                ghost = ghost.promotionDone();
            }
        }
        return new World(now, arbiter, pending, List.of(hosts), new World.Inbox<>(toArbiter),
                new World.Inbox<>(toNode.get(0)), new World.Inbox<>(toNode.get(1)), retained, ghost, budget);
    }

    /** Tells the observer, if anyone listens: exploration builds no sentences. */
    void happened(Supplier<String> what) {
        if (observer != Model.SILENT) {
            observer.happened(now, what.get());
        }
    }

    int indexOf(HostId id) {
        return hosts[0].id().equals(id) ? 0 : 1;
    }

    // ---- the arbiter ----

    void arbiterDecides(ArbiterInput input) {
        ArbiterState before = arbiter;
        Decision<ArbiterState, ArbiterEffect> d = model.decider().decide(before, input, now);
        observer.arbiterDecided(now, before, input, d);
        ghost = Invariants.observeArbiter(ghost, before, input, d, now, h -> hosts[indexOf(h)].powered(), broken);
        arbiter = d.state();
        for (ArbiterEffect e : d.effects()) {
            boolean eventOnly = e instanceof ArbiterEffect.Publish p
                    && p.message() instanceof LeadershipMessage.EventRecorded;
            // Its own events go to nobody who decides; alerts and audit entries change nothing in the home.
            if (!eventOnly && (e instanceof ArbiterEffect.Publish || e instanceof ArbiterEffect.Probe
                    || e instanceof ArbiterEffect.Power)) {
                pending.add(e);
            }
        }
    }

    /** Carries out the pending effects in order; {@code outcomes} gives the switch's answer to each power action. */
    void carryOut(int count, List<PowerOutcome> outcomes) {
        List<ArbiterEffect> batch = new ArrayList<>(pending.subList(0, count));
        pending.subList(0, count).clear();
        int power = 0;
        for (ArbiterEffect e : batch) {
            if (e instanceof ArbiterEffect.Publish p) {
                happened(() -> "control plane publishes " + Words.of(p.message()));
                publish(p.message(), Sender.ARBITER);
            } else if (e instanceof ArbiterEffect.Probe p) {
                probe(p.host());
            } else if (e instanceof ArbiterEffect.Power p) {
                power(p, power < outcomes.size() ? outcomes.get(power) : PowerOutcome.OBEYS);
                power++;
            }
        }
    }

    private void probe(HostId id) {
        Host h = hosts[indexOf(id)];
        ProbeResult r = h.answers() ? new ProbeResult.Up(now, PROBE_LATENCY, "HTTP 200")
                : new ProbeResult.Unreachable(now, PROBE_LATENCY, "no answer");
        happened(() -> "probe of " + id + ": " + (r.isUp() ? "up" : "no answer"));
        toArbiter.add(new ArbiterInput.ProbeReported(id, r));
    }

    private void power(ArbiterEffect.Power p, PowerOutcome outcome) {
        int i = indexOf(p.host());
        String action = p.action().name().toLowerCase(java.util.Locale.ROOT);
        if (outcome == PowerOutcome.FAILS) {
            budget = budget.faultUsed();
            happened(() -> "PoE switch fails to " + action + " the port of " + p.host());
            toArbiter.add(new ArbiterInput.PowerReported(p.host(), p.action(), false, "switch did not answer"));
            return;
        }
        if (p.action() == ArbiterEffect.PowerAction.OFF) {
            hosts[i] = hosts[i].power(false, false).with(hosts[i].node(), Optional.empty());
            toNode.get(i).clear();
            happened(() -> "PoE port of " + p.host() + " switched off");
        } else {
            boolean boots = outcome == PowerOutcome.OBEYS;
            hosts[i] = hosts[i].restarted().power(true, boots);
            toNode.get(i).clear();
            happened(() -> "PoE port of " + p.host() + " cycled; "
                    + (boots ? "it boots, its agent a standby" : "it stays dead"));
            if (boots) {
                subscribe(i);
            }
        }
        toArbiter.add(new ArbiterInput.PowerReported(p.host(), p.action(), true, "port of " + p.host() + " " + action));
    }

    /** The control plane dies after {@code after} pending effects and restarts from its persisted memory. */
    void crashArbiter(int after) {
        carryOut(after, List.of());
        int lost = pending.size();
        pending.clear();
        toArbiter.clear();
        ArbiterState s = arbiter;
        arbiter = ArbiterState.resume(s.leader(), s.epoch(), s.frozen(), s.lastFailover(), s.commandSeq(), s.hosts(),
                ArbiterState.durablePhase(s.phase()), now);
        budget = budget.faultUsed();
        happened(() -> "control plane crashes after " + after + " effect(s), losing " + lost + "; restarts in phase "
                + arbiter.phase().label() + " at epoch " + arbiter.epoch());
        arbiterDecides(new ArbiterInput.Started());
        retained.all().forEach(m -> ArbiterInput.of(m).ifPresent(toArbiter::add));
    }

    // ---- the agents ----

    void nodeDecides(int i, NodeInput input) {
        Host h = hosts[i];
        Decision<NodeState, NodeEffect> d = model.machine(i).decide(h.node(), input, now);
        observer.nodeDecided(now, h.id(), h.node(), input, d);
        Optional<Instant> timer = h.heartbeatAt();
        hosts[i] = h.with(d.state(), timer);
        for (NodeEffect e : d.effects()) {
            if (e instanceof NodeEffect.TakeLeadership) {
                timer = Optional.of(now);
            } else if (e instanceof NodeEffect.ReleaseLeadership) {
                timer = Optional.empty();
            } else if (e instanceof NodeEffect.PublishHeartbeat hb) {
                publish(new LeadershipMessage.HeartbeatPublished(model.service(), hb.heartbeat()), Sender.of(i));
            } else if (e instanceof NodeEffect.PublishState s) {
                publish(new LeadershipMessage.StateChanged(model.service(), Optional.of(s.state())), Sender.of(i));
            } else if (e instanceof NodeEffect.PublishEvent ev) {
                publish(new LeadershipMessage.EventRecorded(model.service(), ev.event()), Sender.of(i));
            }
        }
        hosts[i] = hosts[i].with(hosts[i].node(), timer);
    }

    void fireHeartbeat(int i) {
        happened(() -> "heartbeat timer of " + hosts[i].id() + " fires");
        hosts[i] = hosts[i].with(hosts[i].node(), Optional.of(now.plus(model.heartbeatInterval())));
        nodeDecides(i, new NodeInput.HeartbeatDue());
    }

    /** The host's agent (re)connects to the broker: the retained messages come to it. */
    void subscribe(int i) {
        retained.all().forEach(m -> NodeInput.of(m).ifPresent(toNode.get(i)::add));
    }

    // ---- the broker ----

    /** Who published a message, which decides who receives it. */
    enum Sender {
        ARBITER, PRIMARY, STANDBY, OPERATOR;

        static Sender of(int host) {
            return host == 0 ? PRIMARY : STANDBY;
        }
    }

    /**
     * Puts a message on the bus: retained where its topic is, and in flight to every subscriber it can change. Left
     * out, because they decide nothing on them: the arbiter's own leases, commands and events back to it, a host's own
     * heartbeat back to it, events to agents, and an operator's promote or freeze to agents (an agent refuses a
     * promote without epoch, and a freeze changes nothing an agent decides on).
     */
    void publish(LeadershipMessage m, Sender from) {
        retained = retained.with(m);
        boolean toArbiter = switch (from) {
            case ARBITER -> m instanceof LeadershipMessage.StateChanged;
            case PRIMARY, STANDBY, OPERATOR -> true;
        };
        if (toArbiter) {
            ArbiterInput.of(m).ifPresent(this.toArbiter::add);
        }
        for (int i = 0; i < hosts.length; i++) {
            if (hosts[i].answers() && reaches(m, from, i)) {
                NodeInput.of(m).ifPresent(toNode.get(i)::add);
            }
        }
    }

    private boolean reaches(LeadershipMessage m, Sender from, int host) {
        if (m instanceof LeadershipMessage.EventRecorded) {
            return false;
        }
        if (m instanceof LeadershipMessage.HeartbeatPublished) {
            return from != Sender.of(host);
        }
        if (from == Sender.OPERATOR && m instanceof LeadershipMessage.CommandIssued c) {
            return c.command().verb() == CommandVerb.DEMOTE && c.command().concerns(hosts[host].id());
        }
        return true;
    }

    void operator(Command command) {
        budget = budget.operatorUsed();
        ghost = ghost.commanded(command.verb() == CommandVerb.FREEZE, command.verb() == CommandVerb.DEMOTE,
                command.verb() == CommandVerb.PROMOTE ? command.target() : Optional.empty());
        happened(() -> "operator sends " + command.describe());
        publish(new LeadershipMessage.CommandIssued(model.service(), command), Sender.OPERATOR);
    }
}
