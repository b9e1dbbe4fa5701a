package io.piha.core;

import io.piha.api.audit.AuditEntry;
import io.piha.api.leadership.HostId;
import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.node.NodeEffect;
import io.piha.core.node.NodeInput;
import io.piha.core.node.NodeState;
import io.piha.core.simulation.EstateObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every non-routine decision of an estate as one timeline line, for failure messages: {@code +mm:ss.SSS who what}. */
public final class Trace implements EstateObserver {

    private final Instant start;
    private final List<String> lines = new ArrayList<>();

    public Trace(Instant start) {
        this.start = start;
    }

    @Override
    public void arbiterDecided(Instant at, ArbiterState before, ArbiterInput input, Decision<ArbiterState, ArbiterEffect> d) {
        d.effectsOf(ArbiterEffect.Audit.class).forEach(a -> line(at, "arbiter", a.entry()));
    }

    @Override
    public void nodeDecided(Instant at, HostId host, NodeState before, NodeInput input, Decision<NodeState, NodeEffect> d) {
        d.effectsOf(NodeEffect.Audit.class).forEach(a -> line(at, host.value(), a.entry()));
    }

    @Override
    public void happened(Instant at, String what) {
        lines.add(stamp(at) + "  world      " + what);
    }

    private void line(Instant at, String who, AuditEntry e) {
        if (e.outcome() == AuditEntry.Outcome.ROUTINE) {
            return;
        }
        lines.add(stamp(at) + "  " + String.format("%-10s ", who) + (e.outcome() == AuditEntry.Outcome.REFUSED
                ? "refused " : "") + e.action() + ": " + e.reason());
    }

    private String stamp(Instant at) {
        Duration d = Duration.between(start, at);
        return String.format("+%02d:%02d.%03d", d.toMinutes(), d.toSecondsPart(), d.toMillisPart());
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
