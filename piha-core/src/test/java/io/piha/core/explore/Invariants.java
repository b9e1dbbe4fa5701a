package io.piha.core.explore;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.Lease;
import io.piha.core.Decision;
import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.explore.World.Host;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The leadership invariants, across epochs: (a) and (b) hold in every situation, (c) in every decision of the
 * arbiter. The ghost they need (grants, the true end of each renewal, acknowledgements and fences received) is kept
 * here as the arbiter decides.
 */
final class Invariants {

    static final String ONE_ACTS = "(a) at no instant do two powered hosts have their automations on";
    static final String ACTS_UNDER_LEASE = "(b) a host with automations on holds the highest granted epoch or an "
            + "unexpired lease";
    static final String GRANT_AFTER_HANDOVER = "(c) every grant follows, for the previous holder, a fence confirmed "
            + "off, its demoted acknowledgement at the current epoch, or its lease waited out";
    static final String LIVENESS = "liveness: with the primary dead for good and the standby up, a fair schedule "
            + "makes the standby act";

    /**
     * A rule broken.
     *
     * @param rule which
     * @param detail how
     */
    record Broken(String rule, String detail) {
    }

    private Invariants() {
    }

    /** (a) and (b) in {@code w}. */
    static List<Broken> of(World w) {
        List<Broken> out = new ArrayList<>();
        List<HostId> acting = w.acting();
        if (acting.size() > 1) {
            out.add(new Broken(ONE_ACTS, acting + " both act at " + w.now()));
        }
        for (Host h : w.hosts()) {
            if (h.acts(w.now())) {
                underLease(w, h).ifPresent(why -> out.add(new Broken(ACTS_UNDER_LEASE, why)));
            }
        }
        return out;
    }

    /**
     * An acting host leads at an epoch granted, and a renewal issued to it at that epoch (counted from the sending of
     * the heartbeat it answers) is still running: its lease arithmetic never outlives the arbiter's.
     */
    private static Optional<String> underLease(World w, Host h) {
        Epoch e = h.node().leadingAt().orElseThrow();
        if (e.isNewerThan(w.ghost().highest())) {
            return Optional.of(h.id() + " acts at epoch " + e + ", never granted (highest " + w.ghost().highest() + ")");
        }
        Optional<Instant> end = w.ghost().leaseEnd(h.id(), e);
        if (end.filter(w.now()::isBefore).isEmpty()) {
            return Optional.of(h.id() + " acts at epoch " + e + " (highest granted " + w.ghost().highest()
                    + ") without an unexpired lease issued to it: " + end.map(u -> "the last ran out at " + u)
                    .orElse("none was issued"));
        }
        return Optional.empty();
    }

    /**
     * Learns from one decision of the arbiter (acknowledgements and fences it received, renewals and grants it
     * issued) and checks (c) for every grant in it.
     */
    static Ghost observeArbiter(Ghost ghost, ArbiterState before, ArbiterInput input,
                                Decision<ArbiterState, ArbiterEffect> d, Instant now, Predicate<HostId> powered,
                                List<Broken> broken) {
        Ghost g = evidence(ghost, input);
        for (ArbiterEffect e : d.effects()) {
            if (e instanceof ArbiterEffect.Publish p && p.message() instanceof LeadershipMessage.LeaseGranted l) {
                Lease lease = l.lease();
                if (lease.epoch().isNewerThan(before.epoch())) {
                    grantAfterHandover(g, lease, now, powered).ifPresent(why -> broken.add(new Broken(
                            GRANT_AFTER_HANDOVER, why)));
                    g = g.granted(lease.holder(), lease.epoch());
                }
                if (lease.validFor().isPresent()) {
                    g = g.renewed(lease.holder(), lease.epoch(), sentAt(input, lease, now).plus(lease.validFor().get()));
                }
            }
        }
        return g;
    }

    private static Ghost evidence(Ghost g, ArbiterInput input) {
        if (input instanceof ArbiterInput.EventObserved ev && LeadershipEvent.DEMOTED.equals(ev.event().event())
                && ev.event().epoch().isPresent()) {
            return g.acknowledged(HostId.of(ev.event().actor()), ev.event().epoch().get());
        }
        if (input instanceof ArbiterInput.PowerReported p && p.succeeded()
                && p.action() == ArbiterEffect.PowerAction.OFF) {
            return g.fencedOff(p.host());
        }
        return g;
    }

    private static Optional<String> grantAfterHandover(Ghost g, Lease lease, Instant now, Predicate<HostId> powered) {
        Optional<HostId> previous = g.holder().filter(h -> !h.equals(lease.holder()));
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        HostId p = previous.get();
        boolean acknowledged = g.acknowledgedAtHolderEpoch(p);
        boolean fenced = g.fencedAtHolderEpoch(p) && !powered.test(p);
        boolean waitedOut = g.leasesOver(p, now);
        if (acknowledged || fenced || waitedOut) {
            return Optional.empty();
        }
        return Optional.of("epoch " + lease.epoch() + " granted to " + lease.holder() + " at " + now + " while " + p
                + " (epoch " + g.highest() + ") neither acknowledged its demotion, nor was fenced off, nor had its lease "
                + "run out (renewals end " + g.leaseEnds() + ")");
    }

    /** When the heartbeat a renewal answers was sent: the renewal's lifetime counts from then. */
    private static Instant sentAt(ArbiterInput input, Lease lease, Instant now) {
        if (input instanceof ArbiterInput.HeartbeatObserved h && h.heartbeat().id().equals(lease.renews())) {
            return h.heartbeat().timestamp();
        }
        return now;
    }
}
