package io.piha.cli.simulate;

import io.piha.api.audit.AuditEntry;
import io.piha.api.leadership.HostId;
import io.piha.core.Decision;
import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.node.NodeEffect;
import io.piha.core.node.NodeInput;
import io.piha.core.node.NodeState;
import io.piha.core.simulation.EstateObserver;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/** Prints what happens in a simulated home as a readable timeline, relative to the start of a flow. */
final class Timeline implements EstateObserver {

    private final PrintWriter out;
    private Instant origin;

    Timeline(PrintWriter out) {
        this.out = out;
    }

    void startFlow(String title, Instant at) {
        origin = at;
        out.println();
        out.println("== " + title);
        out.flush();
    }

    @Override
    public void arbiterDecided(Instant at, ArbiterState before, ArbiterInput input, Decision<ArbiterState, ArbiterEffect> d) {
        d.effectsOf(ArbiterEffect.Audit.class).forEach(a -> print(at, "control plane", a.entry()));
        d.effectsOf(ArbiterEffect.RaiseAlert.class).forEach(a ->
                line(at, "alert", a.alert().severity() + " " + a.alert().code() + ": " + a.alert().message()));
    }

    @Override
    public void nodeDecided(Instant at, HostId host, NodeState before, NodeInput input, Decision<NodeState, NodeEffect> d) {
        d.effectsOf(NodeEffect.Audit.class).forEach(a -> print(at, "agent " + host, a.entry()));
    }

    void check(boolean ok, String what) {
        out.println("  " + (ok ? "[ok]  " : "[FAIL]") + " " + what);
        out.flush();
    }

    @Override
    public void happened(Instant at, String what) {
        line(at, "world", what);
    }

    private void print(Instant at, String who, AuditEntry e) {
        // Refusals of duplicates and own echoes are normal on an at-least-once bus, and heartbeats and renewals are
        // routine: keep the timeline readable.
        if (e.outcome() == AuditEntry.Outcome.REFUSED && (e.reason().startsWith("duplicate")
                || e.reason().contains(" is addressed to "))) {
            return;
        }
        if (e.outcome() == AuditEntry.Outcome.ROUTINE
                || e.action().startsWith("observe_") && e.outcome() == AuditEntry.Outcome.ACCEPTED) {
            return;
        }
        line(at, who, (e.outcome() == AuditEntry.Outcome.REFUSED ? "refused " : "") + e.action() + ": " + e.reason());
    }

    private void line(Instant at, String who, String what) {
        Duration t = Duration.between(origin == null ? at : origin, at);
        out.printf("  %s  %-22s %s%n", clock(t), who, what);
        out.flush();
    }

    static String clock(Duration t) {
        long ms = t.toMillis();
        String sign = ms < 0 ? "-" : "+";
        ms = Math.abs(ms);
        return String.format("%s%02d:%02d.%03d", sign, ms / 60_000, (ms / 1000) % 60, ms % 1000);
    }
}
