package io.piha.core;

import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.GateDecision;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.node.NodeEffect;
import io.piha.core.node.NodeInput;
import io.piha.core.node.NodeState;
import io.piha.core.simulation.Estate;
import io.piha.core.simulation.EstateObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Watches every decision of an estate and records each violation of the leadership invariants under the
 * invariant's name, so that each property can check its own. Across epochs: at no instant do two powered hosts act
 * (checked after every decision, the only moments acting can start, once {@link #watch(Estate)} names the estate).
 */
final class InvariantChecker implements EstateObserver {

    static final String ONE_ACTS_AT_ANY_INSTANT = "at no instant do two powered hosts have their automations on";
    static final String ONE_LEADER_PER_EPOCH = "at most one node acts as leader per epoch";
    static final String EPOCHS_INCREASE = "epochs strictly increase";
    static final String STALE_NEVER_PASSES_GATE = "a node with a stale epoch never passes the gate";
    static final String FROZEN_NO_AUTOMATIC_PROMOTION = "while frozen no automatic promotion happens";
    static final String EVERY_TRANSITION_AUDITED = "every transition is audited";

    private final Map<String, List<String>> violations = new HashMap<>();
    private final Map<Epoch, HostId> leaderOfEpoch = new HashMap<>();
    private final Map<HostId, Epoch> newestDelivered = new HashMap<>();
    private Epoch lastGrant = Epoch.ZERO;
    private Estate estate;

    /** Checks across epochs in {@code home}, whose decisions this checker observes. */
    void watch(Estate home) {
        this.estate = home;
    }

    /** Every invariant this checker knows. */
    static List<String> safetyInvariants() {
        return List.of(ONE_ACTS_AT_ANY_INSTANT, ONE_LEADER_PER_EPOCH, EPOCHS_INCREASE, STALE_NEVER_PASSES_GATE,
                FROZEN_NO_AUTOMATIC_PROMOTION, EVERY_TRANSITION_AUDITED);
    }

    private void oneActs(Instant at, String after) {
        if (estate != null && estate.actingLeaders().size() > 1) {
            violated(ONE_ACTS_AT_ANY_INSTANT, at, estate.actingLeaders() + " both act, after " + after);
        }
    }

    List<String> violationsOf(String invariant) {
        return violations.getOrDefault(invariant, List.of());
    }

    private void violated(String invariant, Instant at, String what) {
        violations.computeIfAbsent(invariant, k -> new ArrayList<>()).add(at + ": " + what);
    }

    @Override
    public void arbiterDecided(Instant at, ArbiterState before, ArbiterInput input, Decision<ArbiterState, ArbiterEffect> d) {
        audited(at, "arbiter", before, d.state(), d.accepted(), !d.effectsOf(ArbiterEffect.Audit.class).isEmpty());
        if (d.state().epoch().isOlderThan(before.epoch())) {
            violated(EPOCHS_INCREASE, at, "arbiter epoch went from " + before.epoch() + " to " + d.state().epoch());
        }
        for (ArbiterEffect.Publish p : d.effectsOf(ArbiterEffect.Publish.class)) {
            if (p.message() instanceof LeadershipMessage.LeaseGranted l && l.lease().epoch().isNewerThan(before.epoch())) {
                granted(at, before, input, l.lease().holder(), l.lease().epoch());
            }
        }
        oneActs(at, "the control plane decided on " + input);
    }

    private void granted(Instant at, ArbiterState before, ArbiterInput input, HostId holder, Epoch epoch) {
        if (!epoch.isNewerThan(lastGrant)) {
            violated(EPOCHS_INCREASE, at, "granted epoch " + epoch + " after " + lastGrant);
        }
        lastGrant = Epoch.max(lastGrant, epoch);
        boolean explicit = input instanceof ArbiterInput.CommandObserved c && c.command().verb() == CommandVerb.PROMOTE
                || pendingGrant(before.phase()).filter(g -> !g.automatic()).isPresent()
                || before.leader().filter(holder::equals).isPresent();
        boolean recognition = input instanceof ArbiterInput.HeartbeatObserved;
        if (before.frozen() && !explicit && !recognition) {
            violated(FROZEN_NO_AUTOMATIC_PROMOTION, at, "epoch " + epoch + " granted while frozen on " + input);
        }
    }

    @Override
    public void nodeDecided(Instant at, HostId host, NodeState before, NodeInput input, Decision<NodeState, NodeEffect> d) {
        NodeState after = d.state();
        audited(at, "node " + host, before, after, d.accepted(), !d.effectsOf(NodeEffect.Audit.class).isEmpty());
        if (after.highestEpoch().isOlderThan(before.highestEpoch())) {
            violated(EPOCHS_INCREASE, at, host + " forgot epoch " + before.highestEpoch());
        }
        after.leadingAt().ifPresent(e -> {
            HostId other = leaderOfEpoch.putIfAbsent(e, host);
            if (other != null && !other.equals(host)) {
                violated(ONE_LEADER_PER_EPOCH, at, host + " and " + other + " both lead at epoch " + e);
            }
        });
        oneActs(at, host + " decided on " + input);
        if (after.gate(Homes.SERVICE, at) instanceof GateDecision.Leading l) {
            Epoch newest = newestDelivered.getOrDefault(host, Epoch.ZERO);
            if (l.token().epoch().isOlderThan(newest)) {
                violated(STALE_NEVER_PASSES_GATE, at, host + " passes the gate at " + l.token().epoch()
                        + " after epoch " + newest + " reached it");
            }
        }
    }

    /** The grant a hand-over in progress will make, if the phase is one. */
    private static java.util.Optional<io.piha.core.arbiter.Grant> pendingGrant(io.piha.core.arbiter.Phase p) {
        if (p instanceof io.piha.core.arbiter.Phase.Demoting d) {
            return java.util.Optional.of(d.grant());
        } else if (p instanceof io.piha.core.arbiter.Phase.Fencing f) {
            return java.util.Optional.of(f.grant());
        } else if (p instanceof io.piha.core.arbiter.Phase.AwaitingLeaseExpiry w) {
            return java.util.Optional.of(w.grant());
        } else if (p instanceof io.piha.core.arbiter.Phase.HandingBack h) {
            return java.util.Optional.of(h.grant());
        } else if (p instanceof io.piha.core.arbiter.Phase.Blocked b) {
            return b.pending();
        }
        return java.util.Optional.empty();
    }

    private void audited(Instant at, String who, Object before, Object after, boolean accepted, boolean hasAudit) {
        if (!before.equals(after) && !hasAudit) {
            violated(EVERY_TRANSITION_AUDITED, at, who + " changed state without an audit entry");
        }
        if (!accepted && (!hasAudit || before != after)) {
            violated(EVERY_TRANSITION_AUDITED, at, who + " rejected an input without audit or changed state");
        }
    }

    @Override
    public void delivered(Instant at, HostId host, LeadershipMessage m) {
        epochOf(m).ifPresent(e -> newestDelivered.merge(host, e, Epoch::max));
    }

    @Override
    public void agentStarted(Instant at, HostId host) {
        newestDelivered.remove(host);
    }

    @Override
    public void happened(Instant at, String what) {
        oneActs(at, what);
    }

    private static Optional<Epoch> epochOf(LeadershipMessage m) {
        if (m instanceof LeadershipMessage.LeaseGranted l) {
            return Optional.of(l.lease().epoch());
        } else if (m instanceof LeadershipMessage.HeartbeatPublished h) {
            return h.heartbeat().epoch();
        } else if (m instanceof LeadershipMessage.CommandIssued c) {
            return c.command().epoch();
        }
        return Optional.empty();
    }
}
