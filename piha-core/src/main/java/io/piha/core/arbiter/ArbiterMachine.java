package io.piha.core.arbiter;

import io.piha.api.alert.AlertCodes;
import io.piha.api.alert.Severity;
import io.piha.api.leadership.Availability;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.ParticipantKind;
import io.piha.core.Decision;
import io.piha.core.internal.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The control plane's leadership decisions for one service: {@code (state, input, now) -> (state', effects)}.
 * Pure and thread-safe; the edge feeds inputs (bus messages, ticks, answers to probes and power actions, the
 * connection to the broker) and carries out the effects.
 *
 * <p>The seed's flow, with the SDK's guarantees added:
 * <ol>
 *   <li>No heartbeat from the leader for {@link ArbiterPolicy#heartbeatTimeout()} (or its Last Will): probe it.</li>
 *   <li>Probe up: liveness lost but health fine; alert (or, for a host that restarted as a standby, promote it
 *       again). Down: power-cycle its port once.</li>
 *   <li>Wait {@link ArbiterPolicy#recoveryWait()}, probe again. Up or heartbeating: recovered.</li>
 *   <li>Still down: unless frozen or within the anti-flap interval, probe the standby; if it is up, hand over.</li>
 * </ol>
 * Every grant, automatic or an operator's, goes through {@link Handover}: the old holder acknowledged its demotion,
 * was fenced, or had its lease waited out, or nothing is granted. An operator's {@code promote} passes a freeze,
 * never the fencing. An operator's {@code demote} hands leadership to the other host through maintenance (return to
 * primary). Every input that changes the state is audited; refused inputs leave it unchanged and are audited with
 * the reason. Time is the arbiter's own clock; what other hosts stamp is only reported (clock offsets).
 *
 * @since 0.1
 */
public final class ArbiterMachine {

    private final ArbiterPolicy policy;
    private final Handover handover;
    private final FailoverFlow flow;
    private final OperatorCommands commands;

    /** A machine deciding by {@code policy}. */
    public ArbiterMachine(ArbiterPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.handover = new Handover(policy);
        this.flow = new FailoverFlow(policy, handover);
        this.commands = new OperatorCommands(policy, handover, flow);
    }

    /** The policy this machine decides by. */
    public ArbiterPolicy policy() {
        return policy;
    }

    /** When the edge must send the next {@link ArbiterInput.Tick} at the latest; empty if nothing is due. */
    public Optional<Instant> nextWakeUp(ArbiterState state) {
        Optional<Instant> phase = phaseWakeUp(state, policy);
        Optional<Instant> remind = state.remindAt();
        if (phase.isEmpty() || remind.isEmpty()) {
            return phase.isPresent() ? phase : remind;
        }
        return Optional.of(phase.get().isBefore(remind.get()) ? phase.get() : remind.get());
    }

    static Optional<Instant> phaseWakeUp(ArbiterState s, ArbiterPolicy policy) {
        Phase p = s.phase();
        if (p instanceof Phase.Watching) {
            // Without the broker nobody can be heard: suspect nobody until the connection is back. With no leader
            // at all, the same timeout raises the no-leader alert (and a stuck state then waits for reminders).
            boolean idle = !s.connected() || (s.leader().isEmpty() && s.remindAt().isPresent());
            return idle ? Optional.empty() : Optional.of(s.silenceSince().plus(policy.heartbeatTimeout()));
        } else if (p instanceof Phase.Verifying v) {
            return Optional.of(v.since().plus(policy.probeTimeout()));
        } else if (p instanceof Phase.PowerCycling c) {
            return Optional.of(c.since().plus(policy.probeTimeout()));
        } else if (p instanceof Phase.AwaitingRecovery r) {
            return Optional.of(r.until());
        } else if (p instanceof Phase.ConfirmingDeath c) {
            return Optional.of(c.since().plus(policy.probeTimeout()));
        } else if (p instanceof Phase.CheckingCandidate c) {
            return Optional.of(c.since().plus(policy.probeTimeout()));
        } else if (p instanceof Phase.Demoting d) {
            return Optional.of(d.deadline());
        } else if (p instanceof Phase.Fencing f) {
            return Optional.of(f.since().plus(policy.probeTimeout()));
        } else if (p instanceof Phase.AwaitingLeaseExpiry w) {
            return Optional.of(w.until());
        } else if (p instanceof Phase.AwaitingLeader a) {
            return Optional.of(a.deadline());
        } else if (p instanceof Phase.Blocked b) {
            return b.retryAt();
        } else if (p instanceof Phase.HandingBack h) {
            return Optional.of(h.retryAt());
        }
        throw new IllegalStateException("unhandled phase " + p);
    }

    /** Decides one input. */
    public Decision<ArbiterState, ArbiterEffect> decide(ArbiterState state, ArbiterInput input, Instant now) {
        Step<ArbiterState, ArbiterEffect> step = step(state, now);
        if (input instanceof ArbiterInput.Tick) {
            return flow.onTick(step);
        } else if (input instanceof ArbiterInput.HeartbeatObserved h) {
            return new HeartbeatRules(policy, flow, this).onHeartbeat(step, h.heartbeat());
        } else if (input instanceof ArbiterInput.StateObserved s) {
            return onState(step, s.state());
        } else if (input instanceof ArbiterInput.LeaseObserved l) {
            return onLease(step, l.lease());
        } else if (input instanceof ArbiterInput.AvailabilityObserved a) {
            return onAvailability(step, a.host(), a.availability());
        } else if (input instanceof ArbiterInput.CommandObserved c) {
            return commands.onCommand(step, c.command());
        } else if (input instanceof ArbiterInput.EventObserved e) {
            return onEvent(step, e.event());
        } else if (input instanceof ArbiterInput.ProbeReported p) {
            return flow.onProbe(step, p.host(), p.result());
        } else if (input instanceof ArbiterInput.PowerReported p) {
            return flow.onPower(step, p.host(), p.action(), p.succeeded(), p.detail());
        } else if (input instanceof ArbiterInput.Started) {
            return new Resumption(policy).onStart(step);
        } else if (input instanceof ArbiterInput.Connected) {
            return new Resumption(policy).onConnected(step);
        } else if (input instanceof ArbiterInput.Disconnected) {
            return step.before().connected() ? step.accept(step.before().withConnected(false, now), "disconnected",
                    "lost the broker: suspecting nobody until it is back") : step.unchanged("already disconnected");
        }
        throw new IllegalArgumentException("unknown arbiter input " + input);
    }

    Step<ArbiterState, ArbiterEffect> step(ArbiterState state, Instant now) {
        return new Step<>(state, now, policy.actor(), policy.service().value(), ArbiterEffect.Audit::new,
                ArbiterMachine::auditDetails);
    }

    private Decision<ArbiterState, ArbiterEffect> onState(Step<ArbiterState, ArbiterEffect> step, Optional<LeaderState> state) {
        ArbiterState s = step.before();
        if (s.announced().equals(state)) {
            return step.unchanged("state " + state.map(LeaderState::wire).orElse("empty") + " again");
        }
        return step.accept(s.withAnnounced(state), "observe_state", "state is " + state.map(LeaderState::wire).orElse("empty"));
    }

    private Decision<ArbiterState, ArbiterEffect> onLease(Step<ArbiterState, ArbiterEffect> step, Lease lease) {
        ArbiterState s = step.before();
        Optional<Decision<ArbiterState, ArbiterEffect>> absurd = absurdEpoch(step, lease.epoch(), "lease of " + lease.holder());
        if (absurd.isPresent()) {
            return absurd.get();
        }
        if (!lease.epoch().isNewerThan(s.epoch())) {
            boolean own = lease.epoch().equals(s.epoch()) && s.leader().filter(lease.holder()::equals).isPresent();
            return own ? step.unchanged("own lease") : step.reject("observe_lease", "lease of " + lease.holder()
                    + " at epoch " + lease.epoch() + " is not newer than " + s.epoch());
        }
        Announcements say = new Announcements(policy, step.now());
        ArbiterState after = s.withLeader(lease.holder(), lease.epoch(), step.now()).watching(step.now());
        return step.accept(after, "adopt", "lease of " + lease.holder() + " at epoch " + lease.epoch() + " is newer than "
                + s.epoch(), List.of(say.alert(AlertCodes.FOREIGN_GRANT, Severity.WARNING, "a lease of " + policy.service()
                + " at epoch " + lease.epoch() + " was granted elsewhere (another arbiter, or this one's state was lost)")));
    }

    /** A claimed epoch far beyond every grant: forged or corrupt, refused, and said once per reminder interval. */
    Optional<Decision<ArbiterState, ArbiterEffect>> absurdEpoch(Step<ArbiterState, ArbiterEffect> step, Epoch claimed,
                                                                String what) {
        ArbiterState s = step.before();
        if (claimed.value() - s.epoch().value() <= policy.safety().maxEpochJump()) {
            return Optional.empty();
        }
        Announcements say = new Announcements(policy, step.now());
        String why = what + " claims epoch " + claimed + ", more than " + policy.safety().maxEpochJump() + " beyond "
                + s.epoch() + ": refused as forged or corrupt";
        return Optional.of(step.reject("observe_epoch", why, List.of(say.alert(AlertCodes.ABSURD_EPOCH, Severity.CRITICAL,
                why))));
    }

    private Decision<ArbiterState, ArbiterEffect> onAvailability(Step<ArbiterState, ArbiterEffect> step, HostId host,
                                                                 Availability a) {
        ArbiterState s = step.before();
        if (!policy.topology().contains(host)) {
            return step.unchanged(host + " is not a host of " + policy.service());
        }
        if (a == Availability.ONLINE && s.host(host).kind().isEmpty()) {
            // Only SDK participants publish availability (the agent, the HA package): at least a package host.
            ArbiterState after = s.withHost(host, s.host(host).detected(ParticipantKind.PACKAGE));
            return step.accept(after, "observe_availability", host + " is online: an SDK participant");
        }
        boolean leaderLost = a == Availability.OFFLINE && s.leader().filter(host::equals).isPresent()
                && s.phase() instanceof Phase.Watching;
        if (leaderLost && step.now().isBefore(s.watchSince().plus(policy.heartbeatTimeout()))) {
            // Right after a grant or a reconnect a Last Will may be the broker's restart, not the host's: the
            // heartbeat timeout decides instead.
            return step.unchanged("last will of " + host + " within " + Announcements.human(policy.heartbeatTimeout())
                    + " of the watch starting: left to the heartbeat timeout");
        }
        return leaderLost ? flow.suspect(step, host, "connection lost (last will)") : step.unchanged(host + " is " + a.wire());
    }

    private Decision<ArbiterState, ArbiterEffect> onEvent(Step<ArbiterState, ArbiterEffect> step, LeadershipEvent ev) {
        ArbiterState s = step.before();
        if (s.phase() instanceof Phase.Demoting d) {
            return handover.onEvent(step, d, ev);
        }
        if (s.phase() instanceof Phase.AwaitingLeader a && LeadershipEvent.PROMOTED.equals(ev.event())
                && ev.newLeader().filter(a.candidate()::equals).isPresent() && ev.epoch().filter(a.epoch()::equals).isPresent()) {
            return step.accept(s.watching(step.now()), "leader_confirmed", a.candidate() + " acknowledged epoch " + a.epoch());
        }
        return step.unchanged("event " + ev.event() + " noted");
    }

    /** Recognises a leader: the first one seen, or one holding an epoch newer than ours. */
    Decision<ArbiterState, ArbiterEffect> adopt(Step<ArbiterState, ArbiterEffect> step, ArbiterState s, HostId host,
                                                Heartbeat hb) {
        Announcements say = new Announcements(policy, step.now());
        if (hb.epoch().filter(x -> x.isNewerThan(s.epoch())).isPresent()) {
            Epoch e = hb.epoch().get();
            ArbiterState after = s.withLeader(host, e, step.now()).withHeartbeat(step.now()).watching(step.now());
            return step.accept(after, "adopt", host + " leads at epoch " + e + ", newer than " + s.epoch()
                    + " granted here", List.of(say.alert(AlertCodes.FOREIGN_GRANT, Severity.WARNING, host + " leads "
                    + policy.service() + " at epoch " + e + " that this arbiter did not grant")));
        }
        Epoch e = s.epoch().next();
        ArbiterState after = s.withLeader(host, e, step.now()).withHeartbeat(step.now()).watching(step.now());
        List<ArbiterEffect> fx = new ArrayList<>();
        fx.add(say.publish(new LeadershipMessage.LeaseGranted(policy.service(), hb.id()
                .map(id -> Lease.renewal(host, e, step.now(), policy.safety().leaseDuration(), id))
                .orElseGet(() -> new Lease(host, e, step.now())))));
        return step.accept(after, "adopt", "recognised " + host + " as leader; lease at epoch " + e, fx);
    }

    /** A host that is not the lease holder acts as leader: tell it to stop, tell people, once per reminder interval. */
    Decision<ArbiterState, ArbiterEffect> rogue(Step<ArbiterState, ArbiterEffect> step, ArbiterState s, HostId host,
                                                Optional<Epoch> e) {
        Announcements say = new Announcements(policy, step.now());
        String why = host + " heartbeats " + e.map(x -> "at epoch " + x).orElse("without epoch (v1)")
                + " but " + s.leader().orElseThrow() + " holds the lease at epoch " + s.epoch();
        boolean recent = s.host(host).alertedAt().filter(at -> step.now().isBefore(at.plus(policy.safety()
                .reminderInterval()))).isPresent();
        if (recent) {
            return step.reject("observe_heartbeat", why + " (alerted already)");
        }
        List<ArbiterEffect> fx = new ArrayList<>();
        ArbiterState after = s.withHost(host, s.host(host).alerted(step.now()));
        if (s.kindOf(host, policy.topology()).acknowledgesDemote()) {
            Command demote = say.command(CommandVerb.DEMOTE, s.commandSeq() + 1, host, s.epoch(), "not_lease_holder");
            fx.add(say.publish(demote));
            after = after.withNextCommand().withSeen(after.seen().withCommand(demote.id().orElseThrow()));
        }
        fx.add(say.alert(AlertCodes.SPLIT_BRAIN, Severity.CRITICAL, why + (fx.isEmpty() ? "; it cannot be demoted: switch"
                + " it off (`piha poe off` its port)" : ": demote sent"), Map.of("host", host.value())));
        return step.accept(after, "demote_stale_leader", why, fx);
    }

    static Map<String, String> auditDetails(ArbiterState s) {
        return Map.of("phase", s.phase().label(), "epoch", s.epoch().toString(),
                "leader", s.leader().map(HostId::value).orElse(""), "frozen", Boolean.toString(s.frozen()));
    }

    static Duration offset(Heartbeat hb, Instant now) {
        return Duration.between(now, hb.timestamp());
    }
}
