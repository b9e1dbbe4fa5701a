package io.piha.core.arbiter;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.Lease;
import io.piha.core.Decision;
import io.piha.core.internal.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After a restart of the control plane, or of its connection to the broker: finish what was being done (the memory
 * keeps a fence or a grant in progress, written before it was acted on), and make the retained lease and state true
 * again, since a broker without persistence loses them.
 */
final class Resumption {

    private final ArbiterPolicy policy;

    Resumption(ArbiterPolicy policy) {
        this.policy = policy;
    }

    Decision<ArbiterState, ArbiterEffect> onStart(Step<ArbiterState, ArbiterEffect> step) {
        ArbiterState s = step.before();
        Announcements say = new Announcements(policy, step.now());
        Phase p = s.phase();
        List<ArbiterEffect> fx = new ArrayList<>(retained(s, say));
        ArbiterState after = s;
        if (p instanceof Phase.Fencing f) {
            after = s.withPhase(new Phase.Fencing(f.suspect(), f.grant(), step.now()));
            fx.add(new ArbiterEffect.Power(f.suspect(), ArbiterEffect.PowerAction.OFF, "resuming the fence of "
                    + f.suspect() + " interrupted by a restart"));
        } else if (p instanceof Phase.Demoting d) {
            Command demote = Command.envelope(CommandVerb.DEMOTE, d.demoteId()).target(d.from()).epoch(s.epoch())
                    .reason(d.grant().reason()).actor(policy.actor())
                    .validBetween(step.now(), step.now().plus(policy.commandTtl())).build();
            after = s.withPhase(new Phase.Demoting(d.from(), d.grant(), d.demoteId(),
                    step.now().plus(policy.safety().demoteTimeout())));
            fx.add(say.publish(demote));
        } else if (p instanceof Phase.AwaitingLeader a) {
            after = s.withPhase(new Phase.AwaitingLeader(a.candidate(), a.epoch(), a.promote(),
                    step.now().plus(policy.promotionTimeout()), a.attempts()));
            boolean plain = new Handover(policy).speaksPlain(s, a.candidate());
            if (plain) {
                fx.add(say.state(Optional.empty()));
                after = after.withSeen(after.seen().withPlain(CommandVerb.PROMOTE, step.now()));
            }
            if (!a.promote().isPlain()) {
                fx.add(say.publish(a.promote()));
            }
            if (plain) {
                fx.add(say.publish(Command.plain(CommandVerb.PROMOTE)));
            }
        } else if (p instanceof Phase.HandingBack h) {
            fx.add(new ArbiterEffect.Probe(h.to()));
        } else if (p instanceof Phase.Blocked b) {
            return new Blocking(policy).block(step, b.suspect(), b.reason(), b.retryAt(), b.pending(), b.pending()
                    .isPresent() ? io.piha.api.alert.AlertCodes.FENCING_IMPOSSIBLE : io.piha.api.alert.AlertCodes.PROMOTION_BLOCKED);
        }
        return step.accept(after, "start", "started in phase " + p.label() + " at epoch " + s.epoch()
                + s.leader().map(l -> ", leader " + l).orElse(", no leader known"), fx);
    }

    Decision<ArbiterState, ArbiterEffect> onConnected(Step<ArbiterState, ArbiterEffect> step) {
        ArbiterState s = step.before();
        Announcements say = new Announcements(policy, step.now());
        return step.accept(s.withConnected(true, step.now()), "connected", "connected to the broker: the watch starts "
                + "over; lease and state published again", retained(s, say));
    }

    /** The retained lease and state as the arbiter knows them, where it is the authority on them. */
    private List<ArbiterEffect> retained(ArbiterState s, Announcements say) {
        List<ArbiterEffect> fx = new ArrayList<>();
        // Also while a grant awaits its leader: a crash after writing the grant down may have kept its lease unpublished.
        if (s.leader().isPresent()) {
            fx.add(say.publish(new LeadershipMessage.LeaseGranted(policy.service(), new Lease(s.leader().get(), s.epoch(),
                    say.now()))));
        }
        if (s.phase() instanceof Phase.Watching && s.leader().isPresent()) {
            fx.add(say.state(Optional.of(LeaderState.LEADER)));
        } else if (s.phase() instanceof Phase.HandingBack || s.phase() instanceof Phase.Demoting d && d.grant().handBack()) {
            fx.add(say.state(Optional.of(LeaderState.MAINTENANCE)));
        }
        return fx;
    }
}
