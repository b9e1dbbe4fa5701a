package io.piha.core.arbiter;

import io.piha.api.alert.AlertCodes;
import io.piha.api.alert.Severity;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeaderState;
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
 * Every grant of leadership, on every path: the old holder is out of the way first. A planned hand-over asks it to
 * step down and takes its {@code demoted} acknowledgement at the current epoch; otherwise, or without that
 * acknowledgement in time, its port is switched off and confirmed off; if that cannot be done, an agent's lease is
 * waited out; and where none of these is possible nothing is granted and a CRITICAL alert says what the operator can
 * do. Only then is the next epoch granted, in the words the candidate understands (the plain {@code promote} of
 * contract v1 after the retained state is cleared, or the SDK's envelope).
 */
final class Handover {

    private final ArbiterPolicy policy;

    Handover(ArbiterPolicy policy) {
        this.policy = policy;
    }

    /**
     * Begins handing leadership to {@code grant.candidate()}.
     *
     * @param planned whether the holder is alive and may be asked to step down (operator promote, hand-back);
     *     a failover fences at once
     */
    Decision<ArbiterState, ArbiterEffect> begin(Step<ArbiterState, ArbiterEffect> step, Grant grant, boolean planned,
                                                String why) {
        ArbiterState s = step.before();
        Optional<HostId> holder = holder(s, grant.candidate());
        if (holder.isEmpty()) {
            return proceed(step, Optional.empty(), grant, why);
        }
        HostId from = holder.get();
        ParticipantKind fromKind = s.kindOf(from, policy.topology());
        // A plain promote is addressed to nobody, but a package host that stepped down takes none while the lease
        // (published before it) names another host, and an agent waits for its epoch: only a v1 host must be fenced.
        boolean mustFence = !fromKind.acknowledgesDemote();
        if (planned && !mustFence) {
            return demote(step, from, grant, why);
        }
        String how = mustFence ? from + " is a " + fromKind.wire() + " host and cannot be asked to step down" : why;
        return fence(step, from, grant, how);
    }

    /** The host that may act now and must be out of the way: the lease holder, or whoever the retained state names. */
    private Optional<HostId> holder(ArbiterState s, HostId candidate) {
        if (s.leader().isPresent()) {
            return s.leader().filter(h -> !h.equals(candidate));
        }
        // No holder known, but the retained state says someone leads: it can only be the other host.
        return s.announced().filter(LeaderState.LEADER::equals).map(x -> policy.topology().other(candidate));
    }

    private Decision<ArbiterState, ArbiterEffect> demote(Step<ArbiterState, ArbiterEffect> step, HostId from, Grant grant,
                                                         String why) {
        ArbiterState s = step.before();
        Announcements say = new Announcements(policy, step.now());
        Command demote = say.command(CommandVerb.DEMOTE, s.commandSeq() + 1, from, s.epoch(), grant.reason());
        ArbiterState after = s.withNextCommand().withSeen(s.seen().withCommand(demote.id().orElseThrow()))
                .withPhase(new Phase.Demoting(from, grant, demote.id().orElseThrow(),
                        step.now().plus(policy.safety().demoteTimeout())));
        List<ArbiterEffect> fx = new ArrayList<>();
        if (grant.handBack()) {
            fx.add(say.state(Optional.of(LeaderState.MAINTENANCE)));
        }
        fx.add(say.publish(demote));
        return step.accept(after, "demote", why + "; asked " + from + " to step down at epoch " + s.epoch()
                + ", waiting " + Announcements.human(policy.safety().demoteTimeout()) + " for its acknowledgement", fx);
    }

    /** Switches {@code from} off before the grant; with no switch to do it, what else may stand in. */
    Decision<ArbiterState, ArbiterEffect> fence(Step<ArbiterState, ArbiterEffect> step, HostId from, Grant grant,
                                                String why) {
        if (policy.fencing() == FencingMode.CONFIRMED_DEAD) {
            return withoutPower(step, from, grant, why + "; no switch fences here (fencing: confirmed_dead)");
        }
        ArbiterState after = step.before().withPhase(new Phase.Fencing(from, grant, step.now()));
        String reason = "fence " + from + " before granting " + grant.candidate() + ": " + why;
        return step.accept(after, "fence", reason, List.of(new ArbiterEffect.Power(from, ArbiterEffect.PowerAction.OFF,
                reason)));
    }

    /** The demoted acknowledgement of the holder, at the current epoch: the grant may go on. */
    Decision<ArbiterState, ArbiterEffect> onEvent(Step<ArbiterState, ArbiterEffect> step, Phase.Demoting d,
                                                  LeadershipEvent ev) {
        ArbiterState s = step.before();
        boolean ack = LeadershipEvent.DEMOTED.equals(ev.event()) && ev.actor().equals(d.from().value())
                && ev.epoch().filter(s.epoch()::equals).isPresent()
                // the arbiter's demote, or the operator's own demote the node heard first (same epoch, same proof)
                && ev.commandId().map(id -> id.equals(d.demoteId()) || d.grant().commandId().filter(id::equals)
                        .isPresent()).orElse(true);
        if (!ack) {
            return step.unchanged("event " + ev.event() + " of " + ev.actor() + " is not the awaited acknowledgement");
        }
        return proceed(step, Optional.of(d.from()), d.grant(), d.from() + " acknowledged its demotion at epoch " + s.epoch());
    }

    /** No acknowledgement in time: fence. */
    Decision<ArbiterState, ArbiterEffect> onDemoteTimeout(Step<ArbiterState, ArbiterEffect> step, Phase.Demoting d) {
        return fence(step, d.from(), d.grant(), d.from() + " did not acknowledge its demotion within "
                + Announcements.human(policy.safety().demoteTimeout()));
    }

    /** The answer of the switch to the fence. */
    Decision<ArbiterState, ArbiterEffect> onFenced(Step<ArbiterState, ArbiterEffect> step, Phase.Fencing f, boolean ok,
                                                   String detail) {
        if (!ok) {
            return withoutPower(step, f.suspect(), f.grant(), "fencing " + f.suspect() + " failed: " + detail);
        }
        return proceed(step, Optional.of(f.suspect()), f.grant(), "fenced " + f.suspect() + " (" + detail + ")");
    }

    /** The holder's lease has run out for sure: it stopped acting by its own clock. */
    Decision<ArbiterState, ArbiterEffect> onLeaseExpired(Step<ArbiterState, ArbiterEffect> step, Phase.AwaitingLeaseExpiry w) {
        return proceed(step, Optional.of(w.from()), w.grant(), w.from() + "'s lease ran out at " + w.until()
                + " (lease plus clock-skew bound): it no longer acts");
    }

    /** No power to fence with: wait out an agent's lease, or block for an operator. */
    private Decision<ArbiterState, ArbiterEffect> withoutPower(Step<ArbiterState, ArbiterEffect> step, HostId from,
                                                               Grant grant, String why) {
        ArbiterState s = step.before();
        ParticipantKind kind = s.kindOf(from, policy.topology());
        if (kind.honoursLeases() && s.leader().filter(from::equals).isPresent()) {
            Optional<Instant> renewed = s.leaseRenewedAt();
            if (renewed.isEmpty()) {
                return proceed(step, Optional.of(from), grant, why + "; " + from + " never held a renewed lease, so it"
                        + " never acted");
            }
            Instant until = renewed.get().plus(policy.leaseWait());
            if (!step.now().isBefore(until)) {
                return proceed(step, Optional.of(from), grant, why + "; its lease ran out at " + until);
            }
            ArbiterState after = s.withPhase(new Phase.AwaitingLeaseExpiry(from, grant, until));
            return step.accept(after, "await_lease_expiry", why + "; waiting until " + until + " for " + from
                    + "'s lease to run out (lease " + Announcements.human(policy.safety().leaseDuration())
                    + " plus clock-skew bound)");
        }
        String operator = "switch " + from + " off at its socket or switch, then confirm with `piha promote --target "
                + grant.candidate() + " --confirm-off " + from + "`";
        Optional<Instant> retry = policy.fencing() == FencingMode.POWER_OFF
                ? Optional.of(step.now().plus(policy.retryInterval())) : Optional.empty();
        return new Blocking(policy).block(step, from, why + "; " + from + " is a " + kind.wire() + " host: only power"
                + " or its acknowledgement proves it stopped. Nothing is granted until then: " + operator, retry,
                Optional.of(grant), AlertCodes.FENCING_IMPOSSIBLE);
    }

    /** The operator confirms {@code from} is off: it stands in for the fence of a blocked grant. */
    Decision<ArbiterState, ArbiterEffect> confirmedOff(Step<ArbiterState, ArbiterEffect> step, HostId from, Grant grant,
                                                       String by) {
        return proceed(step, Optional.of(from), grant, by + " confirms " + from + " is off");
    }

    /** The holder is out of the way: grant, or for a hand-back wait in maintenance for the candidate to answer. */
    Decision<ArbiterState, ArbiterEffect> proceed(Step<ArbiterState, ArbiterEffect> step, Optional<HostId> from, Grant grant,
                                                  String why) {
        if (grant.handBack()) {
            ArbiterState after = step.before().withoutLeader().withPhase(new Phase.HandingBack(
                    from.orElse(policy.topology().other(grant.candidate())), grant.candidate(),
                    step.now().plus(policy.retryInterval()), grant));
            Announcements say = new Announcements(policy, step.now());
            return step.accept(after, "hand_back", why + "; maintenance until " + grant.candidate() + " answers",
                    List.of(say.state(Optional.of(LeaderState.MAINTENANCE)), new ArbiterEffect.Probe(grant.candidate())));
        }
        return grant(step, grant, why, from.isPresent() && from.equals(step.before().leader()));
    }

    /** Whether {@code host} may need the bare v1 {@code promote}: a v1 host, or one whose kind is not known yet. */
    boolean speaksPlain(ArbiterState s, HostId host) {
        return s.knownKindOf(host, policy.topology()).orElse(ParticipantKind.V1) == ParticipantKind.V1;
    }

    /** Whether {@code host} may read the SDK's envelope: a package host or an agent, or one not known yet. */
    boolean speaksEnvelope(ArbiterState s, HostId host) {
        return s.knownKindOf(host, policy.topology()).filter(k -> k == ParticipantKind.V1).isEmpty();
    }

    /** Grants the next epoch to {@code grant.candidate()}: lease, promote in its words, event, alert. */
    Decision<ArbiterState, ArbiterEffect> grant(Step<ArbiterState, ArbiterEffect> step, Grant grant, String why,
                                                boolean clearState) {
        ArbiterState s = step.before();
        HostId candidate = grant.candidate();
        if (grant.automatic() && s.frozen()) {
            // A freeze can arrive while the standby is probed or the old leader fenced: check at the last moment.
            return new Blocking(policy).block(step, policy.topology().other(candidate), "frozen: automatic promotion"
                    + " of " + candidate + " blocked; an explicit promote overrides", Optional.empty(), Optional.empty(),
                    AlertCodes.PROMOTION_BLOCKED);
        }
        if (s.epoch().value() == Long.MAX_VALUE) {
            return new Blocking(policy).block(step, candidate, "epoch " + s.epoch() + " cannot grow any further",
                    Optional.empty(), Optional.empty(), AlertCodes.ABSURD_EPOCH);
        }
        Announcements say = new Announcements(policy, step.now());
        Epoch epoch = s.epoch().next();
        boolean plain = speaksPlain(s, candidate);
        boolean envelope = speaksEnvelope(s, candidate);
        Command promote = envelope ? say.command(CommandVerb.PROMOTE, s.commandSeq() + 1, candidate, epoch, grant.reason())
                : Command.plain(CommandVerb.PROMOTE);
        ArbiterState.Seen seen = plain ? s.seen().withPlain(CommandVerb.PROMOTE, step.now()) : s.seen();
        ArbiterState after = s.withLeader(candidate, epoch, step.now()).withNextCommand()
                .withSeen(promote.id().map(seen::withCommand).orElse(seen))
                .withPhase(new Phase.AwaitingLeader(candidate, epoch, promote,
                        step.now().plus(policy.promotionTimeout()), 1));
        if (grant.automatic()) {
            after = after.withFailoverAt(step.now());
        }
        List<ArbiterEffect> fx = new ArrayList<>();
        fx.add(say.publish(new LeadershipMessage.LeaseGranted(policy.service(), new Lease(candidate, epoch, step.now()))));
        if (plain || clearState) {
            // A v1 standby takes a plain promote only while the state is empty or standby.
            fx.add(say.state(Optional.empty()));
        }
        if (envelope) {
            fx.add(say.publish(promote));
        }
        if (plain) {
            // Unknown or v1: the bare verb too; an agent refuses it, a package host takes the envelope first.
            fx.add(say.publish(Command.plain(CommandVerb.PROMOTE)));
        }
        fx.add(say.event("leadership_granted", grant.reason(), candidate, epoch, grant.commandId()));
        fx.add(say.alert(AlertCodes.LEADERSHIP_CHANGED, grant.automatic() ? Severity.WARNING : Severity.INFO,
                "leadership of " + policy.service() + " granted to " + candidate + " at epoch " + epoch + " ("
                        + grant.reason() + ")", Map.of("host", candidate.value(), "epoch", epoch.toString())));
        return step.accept(after, "grant", why + "; granted epoch " + epoch + " to " + candidate + " (" + grant.reason()
                + ", " + (plain && envelope ? "envelope and plain promote: its kind is not known yet" : plain
                ? "plain v1 promote" : "envelope promote") + ")", fx);
    }
}
