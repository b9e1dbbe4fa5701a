package io.piha.core.explore;

import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.explore.Choice.Recipient;
import io.piha.core.node.NodeInput;
import java.time.Instant;
import java.util.List;

/** What each {@link Choice} does to a transition in the making. */
final class Steps {

    private final Model model;
    private final Tx tx;

    Steps(Model model, Tx tx) {
        this.model = model;
        this.tx = tx;
    }

    void take(World w, Choice choice) {
        if (choice instanceof Choice.Deliver d) {
            if (d.overtaking()) {
                tx.budget = tx.budget.faultUsed();
                tx.happened(() -> "broker reorders: the next message overtakes older ones");
            }
            deliver(d.to(), d.index());
        } else if (choice instanceof Choice.Lose l) {
            lose(l.to(), l.index());
        } else if (choice instanceof Choice.Duplicate d) {
            duplicate(d.to(), d.index());
        } else if (choice instanceof Choice.CarryOut c) {
            tx.carryOut(tx.pending.size(), c.outcomes());
        } else if (choice instanceof Choice.CrashArbiter c) {
            tx.crashArbiter(c.afterEffects());
        } else if (choice instanceof Choice.FireArbiterTimer) {
            tx.happened(() -> "control plane's timer fires");
            tx.arbiterDecides(new ArbiterInput.Tick());
        } else if (choice instanceof Choice.FireHeartbeat f) {
            tx.fireHeartbeat(f.host());
        } else if (choice instanceof Choice.Advance a) {
            Instant next = model.nextDeadline(w).orElseThrow();
            if (a.late()) {
                tx.budget = tx.budget.faultUsed();
            }
            tx.now = next;
            tx.happened(() -> a.late() ? "time passes while something is still undone (late)" : "time passes");
        } else {
            hostOrOperator(w, choice);
        }
    }

    private void hostOrOperator(World w, Choice choice) {
        if (choice instanceof Choice.RestartAgent r) {
            tx.budget = tx.budget.faultUsed();
            tx.hosts[r.host()] = tx.hosts[r.host()].restarted();
            tx.toNode.get(r.host()).clear();
            tx.happened(() -> "agent on " + tx.hosts[r.host()].id() + " restarts as standby (session "
                    + tx.hosts[r.host()].node().session() + ")");
            tx.subscribe(r.host());
        } else if (choice instanceof Choice.Hang h) {
            tx.budget = tx.budget.faultUsed();
            tx.hosts[h.host()] = tx.hosts[h.host()].power(true, false);
            tx.toNode.get(h.host()).clear();
            tx.happened(() -> tx.hosts[h.host()].id() + " hangs (Home Assistant and agent frozen, session dropped)");
        } else if (choice instanceof Choice.Resume r) {
            tx.hosts[r.host()] = tx.hosts[r.host()].power(true, true);
            tx.happened(() -> tx.hosts[r.host()].id() + " resumes with the state it had, and subscribes again");
            tx.subscribe(r.host());
        } else if (choice instanceof Choice.Operator o) {
            tx.operator(model.operatorCommand(o, w));
        } else {
            throw new IllegalArgumentException("unknown choice " + choice);
        }
    }

    private void deliver(Recipient to, int index) {
        if (to == Recipient.ARBITER) {
            ArbiterInput input = tx.toArbiter.remove(index);
            tx.happened(() -> "broker delivers " + Words.of(input) + " to the control plane");
            tx.arbiterDecides(input);
            return;
        }
        NodeInput input = tx.toNode.get(to.host()).remove(index);
        tx.happened(() -> "broker delivers " + Words.of(input) + " to " + name(to));
        tx.nodeDecides(to.host(), input);
    }

    private void lose(Recipient to, int index) {
        tx.budget = tx.budget.faultUsed();
        Object m = inbox(to).remove(index);
        tx.happened(() -> "broker loses " + Words.of(m) + " for " + name(to));
    }

    private void duplicate(Recipient to, int index) {
        tx.budget = tx.budget.faultUsed();
        if (to == Recipient.ARBITER) {
            tx.toArbiter.add(tx.toArbiter.get(index));
        } else {
            List<NodeInput> inbox = tx.toNode.get(to.host());
            inbox.add(inbox.get(index));
        }
        tx.happened(() -> "broker will deliver " + Words.of(inbox(to).get(index)) + " to " + name(to) + " twice");
    }

    private List<?> inbox(Recipient to) {
        return to == Recipient.ARBITER ? tx.toArbiter : tx.toNode.get(to.host());
    }

    private String name(Recipient to) {
        return to == Recipient.ARBITER ? "the control plane" : tx.hosts[to.host()].id().value();
    }
}
