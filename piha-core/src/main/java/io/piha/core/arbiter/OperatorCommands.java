package io.piha.core.arbiter;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.ParticipantKind;
import io.piha.core.Decision;
import io.piha.core.internal.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operator's commands, plain (v1, {@code mosquitto_pub -m promote}) or the SDK's envelope: each decided once (a
 * redelivered id, or the same plain verb within the window, counts once), a promote and a demote always through the
 * hand-over, never past the fencing, and freeze and thaw said in plain words too where v1 hosts listen.
 */
final class OperatorCommands {

    private final ArbiterPolicy policy;
    private final Handover handover;
    private final FailoverFlow flow;

    OperatorCommands(ArbiterPolicy policy, Handover handover, FailoverFlow flow) {
        this.policy = policy;
        this.handover = handover;
        this.flow = flow;
    }

    Decision<ArbiterState, ArbiterEffect> onCommand(Step<ArbiterState, ArbiterEffect> step, Command c) {
        ArbiterState s = step.before();
        Optional<String> duplicate = duplicate(step, c);
        if (duplicate.isPresent()) {
            boolean own = c.actor().filter(policy.actor()::equals).isPresent();
            return own ? step.unchanged("own command " + c.describe() + " heard back") : step.reject(c.verb().wire(),
                    duplicate.get());
        }
        if (c.epoch().isPresent()) {
            return c.verb() == CommandVerb.PROMOTE && c.epoch().get().isNewerThan(s.epoch())
                    ? step.reject("command", "command " + c.describe() + " grants epoch " + c.epoch().get()
                            + " that this arbiter did not issue (highest " + s.epoch() + ")")
                    : step.unchanged("echo of command " + c.describe() + " at a granted epoch");
        }
        if (c.expiresAt().filter(at -> step.now().isAfter(at.plus(policy.maxClockSkew()))).isPresent()) {
            return refuse(step, c, "command " + c.describe() + " expired at " + c.expiresAt().orElseThrow());
        }
        Decision<ArbiterState, ArbiterEffect> d = switch (c.verb()) {
            case PROMOTE -> onPromote(step, c);
            case DEMOTE -> onDemote(step, c);
            case FREEZE -> onFreeze(step, c, true);
            case THAW -> onFreeze(step, c, false);
        };
        if (!d.accepted()) {
            return d;
        }
        ArbiterState.Seen seen = c.id().map(id -> d.state().seen().withCommand(id))
                .orElseGet(() -> d.state().seen().withPlain(c.verb(), step.now()));
        return new Decision<>(d.state().withSeen(seen), d.effects(), d.verdict());
    }

    /** Why {@code c} was already decided, if it was. */
    private Optional<String> duplicate(Step<ArbiterState, ArbiterEffect> step, Command c) {
        ArbiterState.Seen seen = step.before().seen();
        if (c.id().isPresent()) {
            return c.id().filter(seen.commandIds()::contains).map(id -> "duplicate: command " + c.describe()
                    + " was already decided");
        }
        return seen.plain().filter(p -> p.verb() == c.verb()
                        && step.now().isBefore(p.at().plus(policy.safety().plainCommandWindow())))
                .map(p -> "duplicate: plain " + c.verb().wire() + " within " + Announcements.human(
                        policy.safety().plainCommandWindow()) + " of the last one counts once (a redelivery, or the "
                        + "control plane's own)");
    }

    private Decision<ArbiterState, ArbiterEffect> onPromote(Step<ArbiterState, ArbiterEffect> step, Command c) {
        ArbiterState s = step.before();
        HostId target = c.target().orElseGet(() -> s.leader().map(policy.topology()::other).orElse(policy.topology().standby()));
        if (!policy.topology().contains(target)) {
            return refuse(step, c, "promote for unknown host " + target);
        }
        String by = c.actor().orElse("operator");
        Grant grant = new Grant(target, "manual" + c.reason().map(r -> ": " + r).orElse(""), false, c.id(), false);
        if (s.phase() instanceof Phase.Blocked b && b.pending().isPresent() && c.confirmedOff().isPresent()) {
            if (!c.confirmedOff().get().equals(b.suspect())) {
                return refuse(step, c, "the grant waits for " + b.suspect() + ", not " + c.confirmedOff().get());
            }
            return accepted(step, c, handover.confirmedOff(step, b.suspect(), grant, by));
        }
        if (s.leader().filter(target::equals).isPresent() && s.phase() instanceof Phase.Watching) {
            return refuse(step, c, target + " already leads at epoch " + s.epoch());
        }
        if (handingOver(s.phase())) {
            return refuse(step, c, "a hand-over is in progress (" + s.phase().label() + "): wait for it, or for its alert");
        }
        if (c.confirmedOff().isPresent() && s.leader().equals(c.confirmedOff())) {
            return accepted(step, c, handover.confirmedOff(step, c.confirmedOff().get(), grant, by));
        }
        String why = "explicit promote of " + target + " by " + by + (s.frozen() ? " (overrides the freeze, not the "
                + "fencing)" : "");
        // A holder already found down (a failover under way or blocked) cannot acknowledge: fence it at once.
        boolean holderDown = suspect(s.phase()).filter(h -> s.leader().filter(h::equals).isPresent()).isPresent();
        return accepted(step, c, handover.begin(step, grant, !holderDown, why));
    }

    private Decision<ArbiterState, ArbiterEffect> onDemote(Step<ArbiterState, ArbiterEffect> step, Command c) {
        ArbiterState s = step.before();
        if (s.leader().isEmpty()) {
            return refuse(step, c, "no leader to demote");
        }
        HostId leader = s.leader().get();
        if (c.target().filter(t -> !t.equals(leader)).isPresent()) {
            return refuse(step, c, "demote of " + c.target().get() + ", which is not the leader (" + leader + ")");
        }
        if (s.phase() instanceof Phase.HandingBack || handingOver(s.phase())) {
            return refuse(step, c, "duplicate: already handing over from " + leader + " (" + s.phase().label() + ")");
        }
        HostId to = policy.topology().other(leader);
        Grant grant = new Grant(to, "hand_back", false, c.id(), true);
        return accepted(step, c, handover.begin(step, grant, true, leader + " demoted by " + c.actor().orElse("operator")
                + "; maintenance until " + to + " answers"));
    }

    private Decision<ArbiterState, ArbiterEffect> onFreeze(Step<ArbiterState, ArbiterEffect> step, Command c, boolean freeze) {
        ArbiterState s = step.before();
        if (s.frozen() == freeze) {
            return refuse(step, c, "duplicate: already " + (freeze ? "frozen" : "thawed"));
        }
        Announcements say = new Announcements(policy, step.now());
        String name = freeze ? LeadershipEvent.FROZEN : LeadershipEvent.THAWED;
        ArbiterState after = s.withFrozen(freeze);
        String why = name + " by " + c.actor().orElse("operator") + c.reason().map(r -> ": " + r).orElse("");
        List<ArbiterEffect> fx = new ArrayList<>();
        fx.add(say.event(name, why, c.id()));
        if (c.id().isPresent() && anyV1(s)) {
            // v1 automations listen for the bare verb; remembered, so the window drops it when it comes back to us.
            fx.add(say.publish(Command.plain(c.verb())));
            after = after.withSeen(after.seen().withPlain(c.verb(), step.now()));
        }
        if (!freeze && s.phase() instanceof Phase.Blocked b && b.retryAt().isEmpty() && b.pending().isEmpty()) {
            Decision<ArbiterState, ArbiterEffect> resumed = flow.confirm(new Step<>(after, step.now(), policy.actor(),
                    policy.service().value(), ArbiterEffect.Audit::new, ArbiterMachine::auditDetails), b.suspect(), why);
            List<ArbiterEffect> all = new ArrayList<>(fx);
            all.addAll(resumed.effects());
            return new Decision<>(resumed.state(), all, resumed.verdict());
        }
        return step.accept(after, c.verb().wire(), why, fx);
    }

    private boolean anyV1(ArbiterState s) {
        return s.kindOf(policy.topology().primary(), policy.topology()) == ParticipantKind.V1
                || s.kindOf(policy.topology().standby(), policy.topology()) == ParticipantKind.V1;
    }

    /** The leader a failover in progress (or blocked) found down, if any. */
    private static Optional<HostId> suspect(Phase p) {
        if (p instanceof Phase.Blocked b) {
            return Optional.of(b.suspect());
        } else if (p instanceof Phase.PowerCycling c) {
            return Optional.of(c.suspect());
        } else if (p instanceof Phase.AwaitingRecovery r) {
            return Optional.of(r.suspect());
        } else if (p instanceof Phase.ConfirmingDeath c) {
            return Optional.of(c.suspect());
        } else if (p instanceof Phase.CheckingCandidate c) {
            return Optional.of(c.suspect());
        }
        return Optional.empty();
    }

    private static boolean handingOver(Phase p) {
        return p instanceof Phase.Demoting || p instanceof Phase.Fencing || p instanceof Phase.AwaitingLeaseExpiry;
    }

    /** The command is being acted on: an event acknowledging its id comes first, whatever the hand-over does next. */
    private Decision<ArbiterState, ArbiterEffect> accepted(Step<ArbiterState, ArbiterEffect> step, Command c,
                                                           Decision<ArbiterState, ArbiterEffect> d) {
        if (c.id().isEmpty() || !d.accepted()) {
            return d;
        }
        Announcements say = new Announcements(policy, step.now());
        List<ArbiterEffect> all = new ArrayList<>();
        all.add(say.event("accepted", c.describe() + ": " + d.state().phase().label(), c.id()));
        all.addAll(d.effects());
        return new Decision<>(d.state(), all, d.verdict());
    }

    /** Refuses an operator's command, telling the operator through a {@code rejected} event that names it. */
    private Decision<ArbiterState, ArbiterEffect> refuse(Step<ArbiterState, ArbiterEffect> step, Command c, String reason) {
        Announcements say = new Announcements(policy, step.now());
        return step.reject(c.verb().wire(), reason, List.of(say.event(LeadershipEvent.REJECTED, reason, c.id())));
    }
}
