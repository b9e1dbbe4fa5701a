package io.piha.core.arbiter;

import io.piha.api.alert.Severity;
import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.core.Decision;
import io.piha.core.internal.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The failover flow of the seed, one phase at a time: verify, power-cycle once, wait, confirm, check the
 * standby, fence, grant. Also the hand-back through maintenance.
 */
final class FailoverFlow {

    private final ArbiterPolicy policy;

    FailoverFlow(ArbiterPolicy policy) {
        this.policy = policy;
    }

    /** Starts verifying a silent or disconnected leader. */
    Decision<ArbiterState, ArbiterEffect> suspect(Step<ArbiterState, ArbiterEffect> step, HostId leader, String trigger) {
        Announcements say = new Announcements(policy, step.now());
        ArbiterState after = step.before().withPhase(new Phase.Verifying(leader, step.now(), trigger));
        return step.accept(after, "verify", leader + " suspected: " + trigger + "; probing", List.of(
                new ArbiterEffect.Probe(leader),
                say.event(io.piha.api.leadership.LeadershipEvent.HEARTBEAT_MISSED, trigger),
                say.alert("heartbeat_missed", Severity.WARNING, "leader " + leader + " of " + policy.service()
                        + " suspected (" + trigger + ") at epoch " + step.before().epoch() + "; verifying",
                        Map.of("host", leader.value()))));
    }

    Decision<ArbiterState, ArbiterEffect> onTick(Step<ArbiterState, ArbiterEffect> step) {
        ArbiterState s = step.before();
        Instant now = step.now();
        Optional<Instant> due = ArbiterMachine.nextWakeUp(s, policy);
        if (due.isEmpty() || now.isBefore(due.get())) {
            return step.unchanged("nothing due");
        }
        Phase p = s.phase();
        if (p instanceof Phase.Watching) {
            HostId leader = s.leader().orElseThrow();
            return suspect(step, leader, "heartbeat_timeout: silent for " + Announcements.human(s.silenceAt(now)));
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
        } else if (p instanceof Phase.Fencing f) {
            return onPower(step, f.suspect(), ArbiterEffect.PowerAction.OFF, false, "power-off timed out");
        } else if (p instanceof Phase.AwaitingLeader a) {
            return resendPromote(step, a);
        } else if (p instanceof Phase.Blocked b) {
            return confirm(step, b.suspect(), "retrying after: " + b.reason());
        } else if (p instanceof Phase.HandingBack h) {
            ArbiterState after = s.withPhase(new Phase.HandingBack(h.from(), h.to(), now.plus(policy.retryInterval())));
            return step.accept(after, "hand_back", "probing " + h.to() + " again", List.of(new ArbiterEffect.Probe(h.to())));
        }
        throw new IllegalStateException("unhandled phase " + p);
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
            return r.isUp() ? hostAnswers(step, host, r) : powerCycle(step, host, r);
        } else if (p instanceof Phase.ConfirmingDeath c && c.suspect().equals(host)) {
            return r.isUp() ? recovered(step, host, "answers its probe again: " + describe(r)) : decidePromotion(step, host, r);
        } else if (p instanceof Phase.CheckingCandidate c && c.candidate().equals(host)) {
            return r.isUp() ? fenceOrGrant(step, c.suspect(), host) : standbyDown(step, c.suspect(), host, r);
        } else if (p instanceof Phase.HandingBack h && h.to().equals(host)) {
            return handBack(step, h, r);
        }
        return step.reject("probe_report", "no probe of " + host + " pending in phase " + p.label());
    }

    private Decision<ArbiterState, ArbiterEffect> hostAnswers(Step<ArbiterState, ArbiterEffect> step, HostId host, ProbeResult r) {
        Announcements say = new Announcements(policy, step.now());
        return step.accept(step.before().watching(step.now()), "verify",
                host + " is silent on the bus but answers its probe (" + describe(r) + "); no failover", List.of(
                say.alert("heartbeat_missing_host_up", Severity.WARNING, "leader " + host + " sends no heartbeat but its"
                        + " probe answers (" + describe(r) + "): check its heartbeat automation", Map.of("host", host.value()))));
    }

    private Decision<ArbiterState, ArbiterEffect> powerCycle(Step<ArbiterState, ArbiterEffect> step, HostId host, ProbeResult r) {
        Announcements say = new Announcements(policy, step.now());
        String why = "leader " + host + " down (" + describe(r) + ")";
        ArbiterState after = step.before().withPhase(new Phase.PowerCycling(host, step.now()));
        return step.accept(after, "power_cycle", why + "; power-cycling its port once", List.of(
                new ArbiterEffect.Power(host, ArbiterEffect.PowerAction.CYCLE, why),
                say.alert("poe_reset", Severity.WARNING, why + ": power-cycling its PoE port", Map.of("host", host.value()))));
    }

    Decision<ArbiterState, ArbiterEffect> onPower(Step<ArbiterState, ArbiterEffect> step, HostId host,
                                                  ArbiterEffect.PowerAction action, boolean ok, String detail) {
        Phase p = step.before().phase();
        Announcements say = new Announcements(policy, step.now());
        if (p instanceof Phase.PowerCycling c && c.suspect().equals(host) && action == ArbiterEffect.PowerAction.CYCLE) {
            ArbiterState after = step.before().withPhase(new Phase.AwaitingRecovery(host, step.now().plus(policy.recoveryWait())));
            List<ArbiterEffect> fx = ok ? List.of() : List.of(say.alert("poe_failed", Severity.CRITICAL,
                    "power-cycle of " + host + " failed: " + detail, Map.of("host", host.value())));
            return step.accept(after, "power_cycle", (ok ? "power-cycled " : "power-cycle failed for ") + host + " (" + detail
                    + "); waiting " + Announcements.human(policy.recoveryWait()), fx);
        }
        if (p instanceof Phase.Fencing f && f.suspect().equals(host) && action == ArbiterEffect.PowerAction.OFF) {
            return ok ? grant(step, f.candidate(), "heartbeat_timeout", true, "fenced " + host + " (" + detail + ")")
                    : block(step, host, "fencing failed: " + detail, Optional.of(step.now().plus(policy.retryInterval())),
                            "fencing_failed");
        }
        return step.reject("power_report", "no " + action + " of " + host + " pending in phase " + p.label());
    }

    private Decision<ArbiterState, ArbiterEffect> decidePromotion(Step<ArbiterState, ArbiterEffect> step, HostId suspect,
                                                                  ProbeResult r) {
        ArbiterState s = step.before();
        HostId candidate = policy.topology().other(suspect);
        if (s.frozen()) {
            return block(step, suspect, "frozen: automatic promotion of " + candidate
                    + " blocked; an explicit promote overrides", Optional.empty(), "promotion_blocked");
        }
        Optional<Instant> calm = s.lastFailover().map(t -> t.plus(policy.minTimeBetweenFailovers()));
        if (calm.isPresent() && step.now().isBefore(calm.get())) {
            return block(step, suspect, "anti-flap: last failover at " + s.lastFailover().get() + ", next allowed at "
                    + calm.get(), calm, "promotion_blocked");
        }
        ArbiterState after = s.withPhase(new Phase.CheckingCandidate(suspect, candidate, step.now()));
        return step.accept(after, "check_candidate", suspect + " still down (" + describe(r) + "); probing " + candidate,
                List.of(new ArbiterEffect.Probe(candidate)));
    }

    private Decision<ArbiterState, ArbiterEffect> standbyDown(Step<ArbiterState, ArbiterEffect> step, HostId suspect,
                                                              HostId candidate, ProbeResult r) {
        return block(step, suspect, "standby " + candidate + " is down too (" + describe(r) + "): no promotion",
                Optional.of(step.now().plus(policy.retryInterval())), "standby_down");
    }

    private Decision<ArbiterState, ArbiterEffect> fenceOrGrant(Step<ArbiterState, ArbiterEffect> step, HostId suspect,
                                                               HostId candidate) {
        if (policy.fencing() == FencingMode.CONFIRMED_DEAD) {
            return grant(step, candidate, "heartbeat_timeout", true, suspect + " confirmed dead by probes");
        }
        String why = "fence " + suspect + " before promoting " + candidate;
        ArbiterState after = step.before().withPhase(new Phase.Fencing(suspect, candidate, step.now()));
        return step.accept(after, "fence", why, List.of(new ArbiterEffect.Power(suspect, ArbiterEffect.PowerAction.OFF, why)));
    }

    Decision<ArbiterState, ArbiterEffect> block(Step<ArbiterState, ArbiterEffect> step, HostId suspect, String reason,
                                                Optional<Instant> retryAt, String code) {
        Announcements say = new Announcements(policy, step.now());
        ArbiterState after = step.before().withPhase(new Phase.Blocked(suspect, reason, retryAt));
        return step.accept(after, "block", reason, List.of(say.alert(code, Severity.CRITICAL, "failover of "
                + policy.service() + " from " + suspect + " blocked: " + reason, Map.of("host", suspect.value()))));
    }

    Decision<ArbiterState, ArbiterEffect> recovered(Step<ArbiterState, ArbiterEffect> step, HostId host, String how) {
        Announcements say = new Announcements(policy, step.now());
        return step.accept(step.before().watching(step.now()), "recovered", host + " recovered: " + how, List.of(
                say.event("recovered", how),
                say.alert("host_recovered", Severity.INFO, "leader " + host + " of " + policy.service() + " recovered: " + how)));
    }

    /** Grants a new epoch to {@code candidate}: lease, promote command, event, alert. */
    Decision<ArbiterState, ArbiterEffect> grant(Step<ArbiterState, ArbiterEffect> step, HostId candidate, String reason,
                                                boolean automatic, String why) {
        return grant(step, candidate, reason, automatic, why, Optional.empty());
    }

    /** Grants as above, acknowledging the operator's command {@code ack} in the event. */
    Decision<ArbiterState, ArbiterEffect> grant(Step<ArbiterState, ArbiterEffect> step, HostId candidate, String reason,
                                                boolean automatic, String why, Optional<String> ack) {
        ArbiterState s = step.before();
        if (automatic && s.frozen()) {
            // A freeze can arrive while the standby is probed or the old leader fenced: check at the last moment.
            return block(step, policy.topology().other(candidate), "frozen: automatic promotion of " + candidate
                    + " blocked; an explicit promote overrides", Optional.empty(), "promotion_blocked");
        }
        Announcements say = new Announcements(policy, step.now());
        Epoch epoch = s.epoch().next();
        Command promote = say.command(CommandVerb.PROMOTE, s.commandSeq() + 1, candidate, epoch, reason);
        ArbiterState after = s.withLeader(candidate, epoch).withNextCommand()
                .withPhase(new Phase.AwaitingLeader(candidate, epoch, promote, step.now().plus(policy.promotionTimeout())));
        if (automatic) {
            after = after.withFailoverAt(step.now());
        }
        Lease lease = new Lease(candidate, epoch, step.now());
        return step.accept(after, "grant", why + "; granted epoch " + epoch + " to " + candidate + " (" + reason + ")", List.of(
                new ArbiterEffect.Publish(new LeadershipMessage.LeaseGranted(policy.service(), lease)),
                say.publish(promote),
                say.event("leadership_granted", reason, candidate, epoch, ack),
                say.alert("leadership_changed", automatic ? Severity.WARNING : Severity.INFO, "leadership of "
                        + policy.service() + " granted to " + candidate + " at epoch " + epoch + " (" + reason + ")",
                        Map.of("host", candidate.value(), "epoch", epoch.toString()))));
    }

    private Decision<ArbiterState, ArbiterEffect> resendPromote(Step<ArbiterState, ArbiterEffect> step, Phase.AwaitingLeader a) {
        ArbiterState s = step.before();
        Announcements say = new Announcements(policy, step.now());
        Command again = say.command(CommandVerb.PROMOTE, s.commandSeq() + 1, a.candidate(), a.epoch(),
                a.promote().reason().orElse("resend"));
        ArbiterState after = s.withNextCommand().withPhase(new Phase.AwaitingLeader(a.candidate(), a.epoch(), again,
                step.now().plus(policy.promotionTimeout())));
        return step.accept(after, "grant", a.candidate() + " has not shown itself at epoch " + a.epoch() + "; promote re-sent",
                List.of(say.publish(again), say.alert("promotion_unacknowledged", Severity.CRITICAL, a.candidate()
                        + " did not take leadership of " + policy.service() + " at epoch " + a.epoch() + " within "
                        + Announcements.human(policy.promotionTimeout()) + "; promote re-sent")));
    }

    /** Starts handing leadership from the demoted {@code from} to {@code to}, through maintenance. */
    Decision<ArbiterState, ArbiterEffect> startHandBack(Step<ArbiterState, ArbiterEffect> step, HostId from, Command demote) {
        ArbiterState s = step.before();
        Announcements say = new Announcements(policy, step.now());
        HostId to = policy.topology().other(from);
        Command toLeader = say.command(CommandVerb.DEMOTE, s.commandSeq() + 1, from, s.epoch(),
                demote.reason().orElse("hand_back"));
        ArbiterState after = s.withNextCommand().withPhase(new Phase.HandingBack(from, to,
                step.now().plus(policy.retryInterval())));
        List<ArbiterEffect> fx = new ArrayList<>();
        fx.add(new ArbiterEffect.Publish(new LeadershipMessage.StateChanged(policy.service(), Optional.of(LeaderState.MAINTENANCE))));
        fx.add(say.publish(toLeader));
        fx.add(new ArbiterEffect.Probe(to));
        fx.add(say.event(io.piha.api.leadership.LeadershipEvent.DEMOTED, "hand_back to " + to, demote.id()));
        return step.accept(after, "hand_back", from + " demoted by " + demote.actor().orElse("operator")
                + "; maintenance until " + to + " answers", fx);
    }

    private Decision<ArbiterState, ArbiterEffect> handBack(Step<ArbiterState, ArbiterEffect> step, Phase.HandingBack h,
                                                           ProbeResult r) {
        if (!r.isUp()) {
            return step.accept(step.before(), "hand_back", h.to() + " not up yet (" + describe(r) + "); maintenance continues");
        }
        if (step.before().frozen()) {
            Announcements say = new Announcements(policy, step.now());
            return step.accept(step.before(), "hand_back", "frozen: " + h.to() + " is up but waits for thaw + promote",
                    List.of(say.alert("promotion_blocked", Severity.WARNING, "hand-back of " + policy.service() + " to "
                            + h.to() + " waits: frozen; send thaw and promote")));
        }
        return grant(step, h.to(), "hand_back", false, h.to() + " is up (" + describe(r) + ")");
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
