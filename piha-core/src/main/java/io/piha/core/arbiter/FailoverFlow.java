package io.piha.core.arbiter;

import io.piha.api.alert.AlertCodes;
import io.piha.api.alert.Severity;
import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.ParticipantKind;
import io.piha.core.Decision;
import io.piha.core.internal.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The failover flow of the seed, one phase at a time: verify, power-cycle once, wait, confirm, check the standby,
 * then hand over ({@link Handover}). Also what every timed phase does when its time comes, the hand-back through
 * maintenance, and the wait for the promoted host.
 */
final class FailoverFlow {

    /** Promotes sent for one grant before the other host is considered instead. */
    static final int PROMOTE_ATTEMPTS = 3;

    private final ArbiterPolicy policy;
    private final Handover handover;
    private final Blocking blocking;

    FailoverFlow(ArbiterPolicy policy, Handover handover) {
        this.policy = policy;
        this.handover = handover;
        this.blocking = new Blocking(policy);
    }

    /** Starts verifying a silent or disconnected leader. */
    Decision<ArbiterState, ArbiterEffect> suspect(Step<ArbiterState, ArbiterEffect> step, HostId leader, String trigger) {
        Announcements say = new Announcements(policy, step.now());
        ArbiterState after = step.before().withPhase(new Phase.Verifying(leader, step.now(), trigger));
        return step.accept(after, "verify", leader + " suspected: " + trigger + "; probing", List.of(
                new ArbiterEffect.Probe(leader),
                say.event(LeadershipEvent.HEARTBEAT_MISSED, trigger),
                say.alert(AlertCodes.HEARTBEAT_MISSED, Severity.WARNING, "leader " + leader + " of " + policy.service()
                        + " suspected (" + trigger + ") at epoch " + step.before().epoch() + "; verifying",
                        Map.of("host", leader.value()))));
    }

    Decision<ArbiterState, ArbiterEffect> onTick(Step<ArbiterState, ArbiterEffect> step) {
        ArbiterState s = step.before();
        Instant now = step.now();
        if (s.remindAt().filter(at -> !now.isBefore(at)).isPresent()) {
            return blocking.remind(step);
        }
        Optional<Instant> due = ArbiterMachine.phaseWakeUp(s, policy);
        if (due.isEmpty() || now.isBefore(due.get())) {
            return step.unchanged("nothing due");
        }
        Phase p = s.phase();
        if (p instanceof Phase.Watching) {
            return s.leader().isPresent()
                    ? suspect(step, s.leader().get(), "heartbeat_timeout: silent for " + Announcements.human(s.silenceAt(now)))
                    : noLeader(step);
        } else if (p instanceof Phase.Verifying v) {
            return onProbe(step, v.suspect(), timedOut(now, "probe of " + v.suspect()));
        } else if (p instanceof Phase.PowerCycling c) {
            return onPower(step, c.suspect(), ArbiterEffect.PowerAction.CYCLE, false, "power-cycle timed out");
        } else if (p instanceof Phase.AwaitingRecovery r) {
            return confirm(step, r.suspect(), "recovery wait over");
        } else if (p instanceof Phase.ConfirmingDeath c) {
            return onProbe(step, c.suspect(), timedOut(now, "probe of " + c.suspect()));
        } else if (p instanceof Phase.CheckingCandidate c) {
            return onProbe(step, c.candidate(), timedOut(now, "probe of " + c.candidate()));
        } else if (p instanceof Phase.Demoting d) {
            return handover.onDemoteTimeout(step, d);
        } else if (p instanceof Phase.Fencing f) {
            return handover.onFenced(step, f, false, "power-off got no answer within " + Announcements.human(policy.probeTimeout()));
        } else if (p instanceof Phase.AwaitingLeaseExpiry w) {
            return handover.onLeaseExpired(step, w);
        } else if (p instanceof Phase.AwaitingLeader a) {
            return promoteAgain(step, a);
        } else if (p instanceof Phase.Blocked b) {
            return retry(step, b);
        } else if (p instanceof Phase.HandingBack h) {
            ArbiterState after = s.withPhase(new Phase.HandingBack(h.from(), h.to(), now.plus(policy.retryInterval()),
                    h.grant())).remindingAt(s.remindAt());
            return step.accept(after, "hand_back", "probing " + h.to() + " again", List.of(new ArbiterEffect.Probe(h.to())));
        }
        throw new IllegalStateException("unhandled phase " + p);
    }

    /** Nobody has led since the watch started: never silent. */
    private Decision<ArbiterState, ArbiterEffect> noLeader(Step<ArbiterState, ArbiterEffect> step) {
        ArbiterState s = step.before();
        return blocking.stuck(step, s, "no_leader", AlertCodes.NO_LEADER, "nobody leads " + policy.service()
                + ": no heartbeat for " + Announcements.human(s.silenceAt(step.now())) + "; promote a host with `piha "
                + "promote --target " + policy.topology().primary() + "`", Map.of());
    }

    private Decision<ArbiterState, ArbiterEffect> retry(Step<ArbiterState, ArbiterEffect> step, Phase.Blocked b) {
        if (b.pending().isPresent()) {
            return handover.fence(step, b.suspect(), b.pending().get(), "retrying after: " + b.reason());
        }
        return confirm(step, b.suspect(), "retrying after: " + b.reason());
    }

    private ProbeResult timedOut(Instant now, String what) {
        return new ProbeResult.Unreachable(now, policy.probeTimeout(), what + " got no answer within "
                + Announcements.human(policy.probeTimeout()));
    }

    /** Probes the suspect once more (after the recovery wait, or when a block is retried). */
    Decision<ArbiterState, ArbiterEffect> confirm(Step<ArbiterState, ArbiterEffect> step, HostId suspect, String why) {
        ArbiterState after = step.before().withPhase(new Phase.ConfirmingDeath(suspect, step.now()));
        return step.accept(after, "confirm", why + "; probing " + suspect, List.of(new ArbiterEffect.Probe(suspect)));
    }

    Decision<ArbiterState, ArbiterEffect> onProbe(Step<ArbiterState, ArbiterEffect> step, HostId host, ProbeResult r) {
        Phase p = step.before().phase();
        if (p instanceof Phase.Verifying v && v.suspect().equals(host)) {
            return r.isUp() ? answersButSilent(step, host, r) : powerCycle(step, host, r);
        } else if (p instanceof Phase.ConfirmingDeath c && c.suspect().equals(host)) {
            if (r.isUp() && step.before().kindOf(host, policy.topology()) == ParticipantKind.V1) {
                // Revived by the power-cycle, a v1 host boots as a standby and never reclaims: nobody leads.
                return decidePromotion(step, host, host + " answers after its power-cycle (" + describe(r)
                        + ") but sends no heartbeat: a v1 host boots as a standby and never reclaims leadership");
            }
            return r.isUp() ? answersButSilent(step, host, r) : decidePromotion(step, host, host + " still down ("
                    + describe(r) + ")");
        } else if (p instanceof Phase.CheckingCandidate c && c.candidate().equals(host)) {
            return r.isUp() ? handover.begin(step, Grant.automatic(host, "heartbeat_timeout"), false,
                    c.suspect() + " is down and " + host + " is up (" + describe(r) + ")")
                    : standbyDown(step, c.suspect(), host, r);
        } else if (p instanceof Phase.HandingBack h && h.to().equals(host)) {
            return handBack(step, h, r);
        }
        return step.reject("probe_report", "no probe of " + host + " pending in phase " + p.label());
    }

    /**
     * The suspect answers its probe but sends no heartbeat. A v1 host found so before any power-cycle is alive with a
     * silent heartbeat automation: nothing to do but say so (after its power-cycle it booted as a standby instead, and
     * the standby is promoted: {@link #onProbe}). A package or agent host that answers after a restart or a
     * power-cycle came back as a standby and never reclaims: it is promoted again, at a new epoch, so the home does
     * not stay without a leader.
     */
    private Decision<ArbiterState, ArbiterEffect> answersButSilent(Step<ArbiterState, ArbiterEffect> step, HostId host,
                                                                   ProbeResult r) {
        ArbiterState s = step.before();
        if (s.kindOf(host, policy.topology()) != ParticipantKind.V1) {
            return handover.begin(step, new Grant(host, "revived", false, Optional.empty(), false), false,
                    host + " answers its probe (" + describe(r) + ") but sends no heartbeat at epoch " + s.epoch()
                            + ": it restarted as a standby");
        }
        Announcements say = new Announcements(policy, step.now());
        return step.accept(s.watching(step.now()), "verify", host + " is silent on the bus but answers its probe ("
                + describe(r) + "); no failover", List.of(say.alert(AlertCodes.HEARTBEAT_MISSING_HOST_UP, Severity.WARNING,
                "leader " + host + " sends no heartbeat but its probe answers (" + describe(r) + "): check its "
                        + "heartbeat automation", Map.of("host", host.value()))));
    }

    private Decision<ArbiterState, ArbiterEffect> powerCycle(Step<ArbiterState, ArbiterEffect> step, HostId host, ProbeResult r) {
        Announcements say = new Announcements(policy, step.now());
        String why = "leader " + host + " down (" + describe(r) + ")";
        ArbiterState after = step.before().withPhase(new Phase.PowerCycling(host, step.now()));
        return step.accept(after, "power_cycle", why + "; power-cycling its port once", List.of(
                new ArbiterEffect.Power(host, ArbiterEffect.PowerAction.CYCLE, why),
                say.alert(AlertCodes.POE_RESET, Severity.WARNING, why + ": power-cycling its PoE port",
                        Map.of("host", host.value()))));
    }

    Decision<ArbiterState, ArbiterEffect> onPower(Step<ArbiterState, ArbiterEffect> step, HostId host,
                                                  ArbiterEffect.PowerAction action, boolean ok, String detail) {
        Phase p = step.before().phase();
        Announcements say = new Announcements(policy, step.now());
        if (p instanceof Phase.PowerCycling c && c.suspect().equals(host) && action == ArbiterEffect.PowerAction.CYCLE) {
            ArbiterState after = step.before().withPhase(new Phase.AwaitingRecovery(host, step.now().plus(policy.recoveryWait())));
            List<ArbiterEffect> fx = ok ? List.of() : List.of(say.alert(AlertCodes.POE_FAILED, Severity.CRITICAL,
                    "power-cycle of " + host + " failed: " + detail, Map.of("host", host.value())));
            return step.accept(after, "power_cycle", (ok ? "power-cycled " : "power-cycle failed for ") + host + " (" + detail
                    + "); waiting " + Announcements.human(policy.recoveryWait()), fx);
        }
        if (p instanceof Phase.Fencing f && f.suspect().equals(host) && action == ArbiterEffect.PowerAction.OFF) {
            return handover.onFenced(step, f, ok, detail);
        }
        return step.reject("power_report", "no " + action + " of " + host + " pending in phase " + p.label());
    }

    private Decision<ArbiterState, ArbiterEffect> decidePromotion(Step<ArbiterState, ArbiterEffect> step, HostId suspect,
                                                                  String why) {
        ArbiterState s = step.before();
        HostId candidate = policy.topology().other(suspect);
        if (s.frozen()) {
            return blocking.block(step, suspect, "frozen: automatic promotion of " + candidate
                    + " blocked; an explicit promote overrides", Optional.empty(), Optional.empty(), AlertCodes.PROMOTION_BLOCKED);
        }
        Optional<Instant> calm = s.lastFailover().map(t -> t.plus(policy.minTimeBetweenFailovers()));
        if (calm.isPresent() && step.now().isBefore(calm.get())) {
            return blocking.block(step, suspect, "anti-flap: last failover at " + s.lastFailover().get()
                    + ", next allowed at " + calm.get(), calm, Optional.empty(), AlertCodes.PROMOTION_BLOCKED);
        }
        ArbiterState after = s.withPhase(new Phase.CheckingCandidate(suspect, candidate, step.now()));
        return step.accept(after, "check_candidate", why + "; probing " + candidate,
                List.of(new ArbiterEffect.Probe(candidate)));
    }

    private Decision<ArbiterState, ArbiterEffect> standbyDown(Step<ArbiterState, ArbiterEffect> step, HostId suspect,
                                                              HostId candidate, ProbeResult r) {
        return blocking.block(step, suspect, "standby " + candidate + " is down too (" + describe(r) + "): no promotion",
                Optional.of(step.now().plus(policy.retryInterval())), Optional.empty(), AlertCodes.STANDBY_DOWN);
    }

    Decision<ArbiterState, ArbiterEffect> recovered(Step<ArbiterState, ArbiterEffect> step, HostId host, String how) {
        Announcements say = new Announcements(policy, step.now());
        return step.accept(step.before().watching(step.now()), "recovered", host + " recovered: " + how, List.of(
                say.event("recovered", how),
                say.alert(AlertCodes.HOST_RECOVERED, Severity.INFO, "leader " + host + " of " + policy.service()
                        + " recovered: " + how)));
    }

    /**
     * The candidate has not shown itself: the promote again (after clearing the state again for a v1 host); after
     * {@link #PROMOTE_ATTEMPTS} the other host is considered instead. A CRITICAL alert from the second attempt on.
     */
    private Decision<ArbiterState, ArbiterEffect> promoteAgain(Step<ArbiterState, ArbiterEffect> step, Phase.AwaitingLeader a) {
        ArbiterState s = step.before();
        Announcements say = new Announcements(policy, step.now());
        HostId other = policy.topology().other(a.candidate());
        String silent = a.candidate() + " did not take leadership of " + policy.service() + " at epoch " + a.epoch()
                + " within " + Announcements.human(policy.promotionTimeout());
        if (a.attempts() >= PROMOTE_ATTEMPTS && !s.frozen()) {
            ArbiterState after = s.withPhase(new Phase.CheckingCandidate(a.candidate(), other, step.now()));
            return step.accept(after, "check_candidate", silent + " after " + a.attempts() + " promotes; probing "
                    + other, List.of(new ArbiterEffect.Probe(other), say.alert(AlertCodes.PROMOTION_UNACKNOWLEDGED,
                    Severity.CRITICAL, silent + " after " + a.attempts() + " promotes; trying " + other)));
        }
        boolean plain = handover.speaksPlain(s, a.candidate());
        boolean envelope = handover.speaksEnvelope(s, a.candidate());
        Command again = envelope ? say.command(CommandVerb.PROMOTE, s.commandSeq() + 1, a.candidate(), a.epoch(),
                a.promote().reason().orElse("resend")) : Command.plain(CommandVerb.PROMOTE);
        ArbiterState.Seen seen = plain ? s.seen().withPlain(CommandVerb.PROMOTE, step.now()) : s.seen();
        ArbiterState after = s.withNextCommand().withSeen(again.id().map(seen::withCommand).orElse(seen))
                .withPhase(new Phase.AwaitingLeader(a.candidate(), a.epoch(), again,
                        step.now().plus(policy.promotionTimeout()), a.attempts() + 1));
        List<ArbiterEffect> fx = new ArrayList<>();
        fx.add(say.publish(new LeadershipMessage.LeaseGranted(policy.service(), new Lease(a.candidate(), a.epoch(),
                step.now()))));
        if (plain) {
            fx.add(say.state(Optional.empty()));
        }
        if (envelope) {
            fx.add(say.publish(again));
        }
        if (plain) {
            fx.add(say.publish(Command.plain(CommandVerb.PROMOTE)));
        }
        fx.add(say.alert(AlertCodes.PROMOTION_UNACKNOWLEDGED, Severity.CRITICAL, silent + "; promote re-sent"));
        return step.accept(after, "grant", silent + "; promote re-sent (attempt " + (a.attempts() + 1) + ")", fx);
    }

    private Decision<ArbiterState, ArbiterEffect> handBack(Step<ArbiterState, ArbiterEffect> step, Phase.HandingBack h,
                                                           ProbeResult r) {
        ArbiterState s = step.before();
        if (!r.isUp()) {
            String message = "leadership of " + policy.service() + " cannot be handed back: " + h.to() + " does not "
                    + "answer (" + describe(r) + "); is its port on? (`piha poe on` its switch port)";
            return s.remindAt().isPresent()
                    ? step.accept(s, "hand_back", h.to() + " not up yet (" + describe(r) + "); maintenance continues")
                    : blocking.stuck(step, s, "hand_back", AlertCodes.HAND_BACK_TARGET_SILENT, message,
                            Map.of("host", h.to().value()));
        }
        if (s.frozen()) {
            String message = "hand-back of " + policy.service() + " to " + h.to() + " waits: frozen; send thaw, or promote "
                    + h.to() + " explicitly";
            return s.remindAt().isPresent() ? step.accept(s, "hand_back", "frozen: " + h.to() + " is up but waits")
                    : blocking.stuck(step, s, "hand_back", AlertCodes.PROMOTION_BLOCKED, message, Map.of("host", h.to().value()));
        }
        return handover.grant(step, h.grant(), h.to() + " is up (" + describe(r) + ")", false);
    }

    static String describe(ProbeResult r) {
        if (r instanceof ProbeResult.Up u) {
            return "up: " + u.detail();
        } else if (r instanceof ProbeResult.Down d) {
            return "down: " + d.reason();
        }
        return "unreachable: " + ((ProbeResult.Unreachable) r).reason();
    }
}
