package io.piha.core.explore;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.explore.Choice.PowerOutcome;
import io.piha.core.explore.Choice.Recipient;
import io.piha.core.explore.World.Host;
import io.piha.core.node.NodeMachine;
import io.piha.core.node.NodePolicy;
import io.piha.core.node.NodeState;
import io.piha.core.simulation.EstateObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The modelled home: which choices a situation offers and what each does, over the real {@link NodeMachine}s and the
 * arbiter under test. Stateless and thread-safe; situations are {@link World}s.
 */
final class Model {

    /** Tells nobody: exploration keeps no timeline, replay does. */
    static final EstateObserver SILENT = new EstateObserver() {
    };

    private final ArbiterPolicy policy;
    private final ArbiterDecider decider;
    private final NodeMachine[] machines;
    private final Duration heartbeatInterval;

    /**
     * The result of one choice.
     *
     * @param world the situation after it
     * @param broken the grant rules it broke, if any
     */
    record Transition(World world, List<Invariants.Broken> broken) {
    }

    Model(ArbiterPolicy policy, ArbiterDecider decider, Duration heartbeatInterval) {
        this.policy = policy;
        this.decider = decider;
        this.heartbeatInterval = heartbeatInterval;
        this.machines = new NodeMachine[] {
            new NodeMachine(NodePolicy.ofDefaults(policy.service(), policy.topology().primary())),
            new NodeMachine(NodePolicy.ofDefaults(policy.service(), policy.topology().standby()))};
    }

    ArbiterPolicy policy() {
        return policy;
    }

    ArbiterDecider decider() {
        return decider;
    }

    NodeMachine machine(int host) {
        return machines[host];
    }

    ServiceName service() {
        return policy.service();
    }

    Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** A home at {@code start}: both hosts up as standbys, nobody leads, the control plane just started. */
    World fresh(Instant start, Budget budget) {
        List<Host> hosts = List.of(
                new Host(policy.topology().primary(), true, true, NodeState.startingUp(policy.topology().primary(), "s0"),
                        Optional.empty()),
                new Host(policy.topology().standby(), true, true, NodeState.startingUp(policy.topology().standby(), "s0"),
                        Optional.empty()));
        World w = new World(start, ArbiterState.startingUp(start), List.of(), hosts, World.Inbox.empty(),
                World.Inbox.empty(), World.Inbox.empty(), World.Retained.NONE, Ghost.NOTHING, budget);
        Tx tx = new Tx(this, w, SILENT);
        tx.arbiterDecides(new ArbiterInput.Started());
        return tx.world();
    }

    /** Every choice {@code w} offers, in a fixed order. */
    List<Choice> choices(World w) {
        List<Choice> out = new ArrayList<>();
        if (!w.pending().isEmpty()) {
            outcomes(w).forEach(o -> out.add(new Choice.CarryOut(o)));
        }
        messages(w, out);
        int before = out.size();
        if (decider.nextWakeUp(w.arbiter()).filter(t -> !t.isAfter(w.now())).isPresent()) {
            out.add(new Choice.FireArbiterTimer());
        }
        for (int i = 0; i < 2; i++) {
            Host h = w.host(i);
            if (h.answers() && h.heartbeatAt().filter(t -> !t.isAfter(w.now())).isPresent()) {
                out.add(new Choice.FireHeartbeat(i));
            }
        }
        boolean late = before > 0 || out.size() > before;
        if (nextDeadline(w).isPresent() && (!late || w.budget().faults() > 0)) {
            out.add(new Choice.Advance(late));
        }
        faults(w, out);
        operator(w, out);
        return out;
    }

    /**
     * Deliveries, losses and duplicates. The broker writes to each subscriber in the order messages reached it, so
     * delivering the oldest message of a channel is free; delivering a later one first (reordering), losing one, or
     * delivering one twice is a fault. The arbiter has two channels: the bus, and the answers of its own probes and
     * power actions.
     */
    private void messages(World w, List<Choice> out) {
        boolean fault = w.budget().faults() > 0;
        for (Recipient r : Recipient.values()) {
            List<?> items = r == Recipient.ARBITER ? w.toArbiter().items() : w.inboxOf(r.host()).items();
            for (int i = 0; i < items.size(); i++) {
                if (items.subList(0, i).contains(items.get(i))) {
                    continue;
                }
                boolean first = firstOfChannel(items, i);
                if (first || fault) {
                    out.add(new Choice.Deliver(r, i, !first));
                }
                if (fault) {
                    out.add(new Choice.Lose(r, i));
                    if (!report(items.get(i))) {
                        out.add(new Choice.Duplicate(r, i));
                    }
                }
            }
        }
    }

    /** Whether the item at {@code index} is the oldest of its channel (bus, or reports) in {@code items}. */
    static boolean firstOfChannel(List<?> items, int index) {
        boolean report = report(items.get(index));
        for (int i = 0; i < index; i++) {
            if (report(items.get(i)) == report) {
                return false;
            }
        }
        return true;
    }

    static boolean report(Object item) {
        return item instanceof ArbiterInput.ProbeReported || item instanceof ArbiterInput.PowerReported;
    }

    /** Every combination of switch outcomes for the pending power actions, within the failure budget. */
    private static List<List<PowerOutcome>> outcomes(World w) {
        List<List<PowerOutcome>> all = new ArrayList<>();
        all.add(List.of());
        for (ArbiterEffect e : w.pending()) {
            if (e instanceof ArbiterEffect.Power p) {
                List<List<PowerOutcome>> next = new ArrayList<>();
                for (List<PowerOutcome> prefix : all) {
                    for (PowerOutcome o : PowerOutcome.values()) {
                        boolean possible = o != PowerOutcome.STAYS_DEAD || p.action() == ArbiterEffect.PowerAction.CYCLE;
                        long failures = prefix.stream().filter(PowerOutcome.FAILS::equals).count()
                                + (o == PowerOutcome.FAILS ? 1 : 0);
                        if (possible && failures <= w.budget().faults()) {
                            List<PowerOutcome> longer = new ArrayList<>(prefix);
                            longer.add(o);
                            next.add(longer);
                        }
                    }
                }
                all = next;
            }
        }
        return all;
    }

    private void faults(World w, List<Choice> out) {
        boolean fault = w.budget().faults() > 0;
        if (fault) {
            for (int k = 0; k < Math.max(1, w.pending().size()); k++) {
                out.add(new Choice.CrashArbiter(k));
            }
        }
        for (int i = 0; i < 2; i++) {
            Host h = w.host(i);
            if (h.answers() && fault) {
                out.add(new Choice.RestartAgent(i));
                out.add(new Choice.Hang(i));
            }
            if (h.powered() && !h.up()) {
                out.add(new Choice.Resume(i));
            }
        }
    }

    /**
     * An operator's command, sent where nothing is in flight: sent earlier, it would be the same message delivered
     * later, and every delivery order after it is explored anyway.
     */
    private void operator(World w, List<Choice> out) {
        if (w.budget().operator() == 0 || !w.quiet()) {
            return;
        }
        Optional<HostId> leader = w.arbiter().leader();
        HostId standby = leader.map(policy.topology()::other).orElse(policy.topology().standby());
        out.add(new Choice.Operator(CommandVerb.PROMOTE, indexOf(standby)));
        leader.ifPresent(l -> out.add(new Choice.Operator(CommandVerb.DEMOTE, indexOf(l))));
        if (!w.arbiter().frozen()) {
            out.add(new Choice.Operator(CommandVerb.FREEZE, 0));
        }
    }

    int indexOf(HostId host) {
        return policy.topology().primary().equals(host) ? 0 : 1;
    }

    /** The earliest deadline after now of any component: the arbiter's wake-up, heartbeat timers, lease ends. */
    Optional<Instant> nextDeadline(World w) {
        List<Instant> due = new ArrayList<>();
        decider.nextWakeUp(w.arbiter()).ifPresent(due::add);
        for (int i = 0; i < 2; i++) {
            Host h = w.host(i);
            if (h.answers()) {
                h.heartbeatAt().ifPresent(due::add);
                machines[i].nextWakeUp(h.node()).ifPresent(due::add);
            }
        }
        return due.stream().filter(t -> t.isAfter(w.now())).min(Instant::compareTo);
    }

    /** Takes {@code choice} in {@code w}, telling {@code observer} what happens. */
    Transition apply(World w, Choice choice, EstateObserver observer) {
        Tx tx = new Tx(this, w, observer);
        new Steps(this, tx).take(w, choice);
        return new Transition(tx.world(), List.copyOf(tx.broken));
    }

    /** An operator's command as {@code piha} sends it: an envelope with an id, addressed, without epoch. */
    Command operatorCommand(Choice.Operator o, World w) {
        Command.Builder b = Command.envelope(o.verb(), "op-" + (w.ghost().operatorCommands() + 1)).actor("operator");
        if (o.verb() != CommandVerb.FREEZE) {
            b.target(o.target() == 0 ? policy.topology().primary() : policy.topology().standby());
        }
        return b.build();
    }
}
