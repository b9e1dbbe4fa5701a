package io.piha.core;

import io.piha.api.alert.Alert;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.simulation.EstateObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records what the arbiter did in an estate, for assertions. */
public final class Recorder implements EstateObserver {

    /** A lease the arbiter granted, and whether it was frozen when it did. */
    public record Grant(Instant at, HostId holder, Epoch epoch, boolean frozenBefore, String why) {
    }

    public final List<Grant> grants = new ArrayList<>();
    public final List<ArbiterEffect.Power> powerActions = new ArrayList<>();
    public final List<Alert> alerts = new ArrayList<>();
    public final List<String> happenings = new ArrayList<>();
    /** The timeline of every decision, for failure messages. */
    public final Trace trace = new Trace(Homes.T0);

    @Override
    public void arbiterDecided(Instant at, ArbiterState before, ArbiterInput input, Decision<ArbiterState, ArbiterEffect> d) {
        trace.arbiterDecided(at, before, input, d);
        for (ArbiterEffect e : d.effects()) {
            if (e instanceof ArbiterEffect.Publish p && p.message() instanceof LeadershipMessage.LeaseGranted l
                    && l.lease().epoch().isNewerThan(before.epoch())) {
                grants.add(new Grant(at, l.lease().holder(), l.lease().epoch(), before.frozen(),
                        ((io.piha.core.Verdict.Accepted) d.verdict()).summary()));
            } else if (e instanceof ArbiterEffect.Power p) {
                powerActions.add(p);
            } else if (e instanceof ArbiterEffect.RaiseAlert a) {
                alerts.add(a.alert());
            }
        }
    }

    @Override
    public void happened(Instant at, String what) {
        trace.happened(at, what);
        happenings.add(what);
    }

    @Override
    public void nodeDecided(Instant at, io.piha.api.leadership.HostId host, io.piha.core.node.NodeState before,
                            io.piha.core.node.NodeInput input,
                            Decision<io.piha.core.node.NodeState, io.piha.core.node.NodeEffect> d) {
        trace.nodeDecided(at, host, before, input, d);
    }

    public List<String> alertCodes() {
        return alerts.stream().map(Alert::code).toList();
    }

    public Grant lastGrant() {
        return grants.get(grants.size() - 1);
    }
}
