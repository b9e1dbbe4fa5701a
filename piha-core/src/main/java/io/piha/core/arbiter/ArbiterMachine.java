package io.piha.core.arbiter;

import io.piha.api.alert.Severity;
import io.piha.api.leadership.Availability;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.Lease;
import io.piha.core.Decision;
import io.piha.core.internal.Step;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The control plane's leadership decisions for one service: {@code (state, input, now) -> (state', effects)}.
 * Pure and thread-safe; the edge feeds inputs (bus messages, ticks, answers to probes and power actions)
 * and carries out the effects.
 *
 * <p>The seed's flow, with the SDK's guarantees added:
 * <ol>
 *   <li>No heartbeat from the leader for {@link ArbiterPolicy#heartbeatTimeout()} (or its Last Will): probe it.</li>
 *   <li>Probe up: liveness lost but health fine; alert, no failover. Down: power-cycle its port once.</li>
 *   <li>Wait {@link ArbiterPolicy#recoveryWait()}, probe again. Up or heartbeating: recovered.</li>
 *   <li>Still down: unless frozen or within the anti-flap interval, probe the standby; if it is up, fence
 *       the old leader (port off, confirmed) and grant the standby the next epoch.</li>
 * </ol>
 * An operator's {@code promote} grants at once, even while frozen or while heartbeats are fresh (drills).
 * An operator's {@code demote} puts the service in maintenance and hands leadership to the other host
 * when it answers (return to primary). Every input that changes the state is audited; refused inputs
 * leave it unchanged and are audited with the reason.
 *
 * @since 0.1
 */
public final class ArbiterMachine {

    private final ArbiterPolicy policy;
    private final FailoverFlow flow;

    /** A machine deciding by {@code policy}. */
    public ArbiterMachine(ArbiterPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.flow = new FailoverFlow(policy);
    }

    /** The policy this machine decides by. */
    public ArbiterPolicy policy() {
        return policy;
    }

    /** When the edge must send the next {@link ArbiterInput.Tick} at the latest; empty if nothing is due. */
    public Optional<Instant> nextWakeUp(ArbiterState state) {
        return nextWakeUp(state, policy);
    }

    static Optional<Instant> nextWakeUp(ArbiterState s, ArbiterPolicy policy) {
        Phase p = s.phase();
        if (p instanceof Phase.Watching) {
            return s.leader().map(l -> s.silenceSince().plus(policy.heartbeatTimeout()));
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
        } else if (p instanceof Phase.Fencing f) {
            return Optional.of(f.since().plus(policy.probeTimeout()));
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
        Step<ArbiterState, ArbiterEffect> step = new Step<>(state, now, policy.actor(), policy.service().value(),
                ArbiterEffect.Audit::new, ArbiterMachine::auditDetails);
        if (input instanceof ArbiterInput.Tick) {
            return flow.onTick(step);
        } else if (input instanceof ArbiterInput.HeartbeatObserved h) {
            return onHeartbeat(step, h.heartbeat());
        } else if (input instanceof ArbiterInput.StateObserved s) {
            return step.unchanged("state " + s.state().map(x -> x.wire()).orElse("empty") + " noted");
        } else if (input instanceof ArbiterInput.LeaseObserved l) {
            return onLease(step, l.lease());
        } else if (input instanceof ArbiterInput.AvailabilityObserved a) {
            return onAvailability(step, a.host(), a.availability());
        } else if (input instanceof ArbiterInput.CommandObserved c) {
            return onCommand(step, c.command());
        } else if (input instanceof ArbiterInput.EventObserved e) {
            return onEvent(step, e.event());
        } else if (input instanceof ArbiterInput.ProbeReported p) {
            return flow.onProbe(step, p.host(), p.result());
        } else if (input instanceof ArbiterInput.PowerReported p) {
            return flow.onPower(step, p.host(), p.action(), p.succeeded(), p.detail());
        }
        throw new IllegalArgumentException("unknown arbiter input " + input);
    }

    private Decision<ArbiterState, ArbiterEffect> onHeartbeat(Step<ArbiterState, ArbiterEffect> step, Heartbeat hb) {
        ArbiterState s = step.before();
        Instant now = step.now();
        HostId host = hb.host();
        if (!policy.topology().contains(host)) {
            return step.reject("observe_heartbeat", "heartbeat from unknown host " + host);
        }
        if (hb.timestamp().isAfter(now.plus(policy.maxClockSkew()))) {
            return step.reject("observe_heartbeat", "heartbeat of " + host + " claims " + hb.timestamp()
                    + ", more than " + policy.maxClockSkew().toSeconds() + " s in the future");
        }
        if (hb.ageAt(now).compareTo(policy.heartbeatTimeout()) > 0) {
            return step.reject("observe_heartbeat", "stale heartbeat of " + host + " from " + hb.timestamp()
                    + " (older than " + policy.heartbeatTimeout().toSeconds() + " s: retained before a broker restart?)");
        }
        Optional<Epoch> e = hb.epoch();
        if (s.leader().isEmpty() || e.filter(x -> x.isNewerThan(s.epoch())).isPresent()) {
            return adopt(step, host, hb);
        }
        if (!s.leader().get().equals(host)) {
            return rogue(step, host, e);
        }
        if (e.filter(x -> x.isOlderThan(s.epoch())).isPresent()) {
            return step.reject("observe_heartbeat", "heartbeat of " + host + " at stale epoch " + e.get() + " < " + s.epoch());
        }
        if (s.lastHeartbeat().filter(last -> !hb.timestamp().isAfter(last)).isPresent()) {
            return step.reject("observe_heartbeat", "duplicate or reordered heartbeat of " + host + " from "
                    + hb.timestamp() + " (newest seen " + s.lastHeartbeat().get() + ")");
        }
        return leaderAlive(step, s.withHeartbeat(hb.timestamp()), host);
    }

    private Decision<ArbiterState, ArbiterEffect> leaderAlive(Step<ArbiterState, ArbiterEffect> step, ArbiterState after,
                                                              HostId host) {
        Phase p = after.phase();
        if (p instanceof Phase.AwaitingLeader a) {
            return step.accept(after.watching(step.now()), "leader_confirmed", host + " leads at epoch " + a.epoch());
        }
        boolean failing = p instanceof Phase.Verifying || p instanceof Phase.PowerCycling || p instanceof Phase.AwaitingRecovery
                || p instanceof Phase.ConfirmingDeath || p instanceof Phase.CheckingCandidate || p instanceof Phase.Blocked;
        if (failing) {
            Step<ArbiterState, ArbiterEffect> next = new Step<>(after, step.now(), policy.actor(), policy.service().value(),
                    ArbiterEffect.Audit::new, ArbiterMachine::auditDetails);
            return flow.recovered(next, host, "heartbeat received during " + p.label());
        }
        return step.accept(after, "observe_heartbeat", "heartbeat of " + host);
    }

    /** Recognises a leader: the first one seen, or one holding an epoch newer than ours. */
    private Decision<ArbiterState, ArbiterEffect> adopt(Step<ArbiterState, ArbiterEffect> step, HostId host, Heartbeat hb) {
        ArbiterState s = step.before();
        Announcements say = new Announcements(policy, step.now());
        if (hb.epoch().filter(x -> x.isNewerThan(s.epoch())).isPresent()) {
            Epoch e = hb.epoch().get();
            ArbiterState after = s.withLeader(host, e).withHeartbeat(hb.timestamp()).watching(step.now());
            return step.accept(after, "adopt", host + " leads at epoch " + e + ", newer than " + s.epoch()
                    + " granted here", List.of(say.alert("foreign_grant", Severity.WARNING, host + " leads "
                    + policy.service() + " at epoch " + e + " that this arbiter did not grant")));
        }
        Epoch e = s.epoch().next();
        ArbiterState after = s.withLeader(host, e).withHeartbeat(hb.timestamp()).watching(step.now());
        Lease lease = new Lease(host, e, step.now());
        return step.accept(after, "adopt", "recognised " + host + " as leader; lease at epoch " + e,
                List.of(new ArbiterEffect.Publish(new LeadershipMessage.LeaseGranted(policy.service(), lease))));
    }

    /** A host that is not the lease holder acts as leader: tell it to stop, tell people. */
    private Decision<ArbiterState, ArbiterEffect> rogue(Step<ArbiterState, ArbiterEffect> step, HostId host, Optional<Epoch> e) {
        ArbiterState s = step.before();
        Announcements say = new Announcements(policy, step.now());
        Command demote = say.command(CommandVerb.DEMOTE, s.commandSeq() + 1, host, s.epoch(), "not_lease_holder");
        String why = host + " heartbeats " + e.map(x -> "at epoch " + x).orElse("without epoch (v1)")
                + " but " + s.leader().orElseThrow() + " holds the lease at epoch " + s.epoch();
        return step.accept(s.withNextCommand(), "demote_stale_leader", why, List.of(say.publish(demote),
                say.alert("split_brain", Severity.CRITICAL, why + ": demote sent", Map.of("host", host.value()))));
    }

    private Decision<ArbiterState, ArbiterEffect> onLease(Step<ArbiterState, ArbiterEffect> step, Lease lease) {
        ArbiterState s = step.before();
        if (!lease.epoch().isNewerThan(s.epoch())) {
            boolean own = lease.epoch().equals(s.epoch()) && s.leader().filter(lease.holder()::equals).isPresent();
            return own ? step.unchanged("own lease") : step.reject("observe_lease", "lease of " + lease.holder()
                    + " at epoch " + lease.epoch() + " is not newer than " + s.epoch());
        }
        Announcements say = new Announcements(policy, step.now());
        ArbiterState after = s.withLeader(lease.holder(), lease.epoch()).watching(step.now());
        return step.accept(after, "adopt", "lease of " + lease.holder() + " at epoch " + lease.epoch() + " is newer than "
                + s.epoch(), List.of(say.alert("foreign_grant", Severity.WARNING, "a lease of " + policy.service()
                + " at epoch " + lease.epoch() + " was granted elsewhere (another arbiter, or this one's state was lost)")));
    }

    private Decision<ArbiterState, ArbiterEffect> onAvailability(Step<ArbiterState, ArbiterEffect> step, HostId host,
                                                                 Availability a) {
        ArbiterState s = step.before();
        boolean leaderLost = a == Availability.OFFLINE && s.leader().filter(host::equals).isPresent()
                && s.phase() instanceof Phase.Watching;
        return leaderLost ? flow.suspect(step, host, "connection lost (last will)")
                : step.unchanged(host + " is " + a.wire());
    }

    private Decision<ArbiterState, ArbiterEffect> onEvent(Step<ArbiterState, ArbiterEffect> step, LeadershipEvent ev) {
        ArbiterState s = step.before();
        if (s.phase() instanceof Phase.AwaitingLeader a && LeadershipEvent.PROMOTED.equals(ev.event())
                && ev.newLeader().filter(a.candidate()::equals).isPresent() && ev.epoch().filter(a.epoch()::equals).isPresent()) {
            return step.accept(s.watching(step.now()), "leader_confirmed", a.candidate() + " acknowledged epoch " + a.epoch());
        }
        return step.unchanged("event " + ev.event() + " noted");
    }

    private Decision<ArbiterState, ArbiterEffect> onCommand(Step<ArbiterState, ArbiterEffect> step, Command c) {
        ArbiterState s = step.before();
        if (c.epoch().isPresent()) {
            return c.epoch().get().isNewerThan(s.epoch())
                    ? step.reject("command", "command " + c.describe() + " grants epoch " + c.epoch().get()
                            + " that this arbiter did not issue (highest " + s.epoch() + ")")
                    : step.unchanged("echo of granted command " + c.describe());
        }
        if (c.isExpiredAt(step.now())) {
            return refuse(step, c, "command " + c.describe() + " expired at " + c.expiresAt().orElseThrow());
        }
        switch (c.verb()) {
            case PROMOTE:
                return onPromote(step, c);
            case DEMOTE:
                return onDemote(step, c);
            case FREEZE:
                return onFreeze(step, c, true);
            case THAW:
                return onFreeze(step, c, false);
            default:
                throw new IllegalStateException("unhandled verb " + c.verb());
        }
    }

    private Decision<ArbiterState, ArbiterEffect> onPromote(Step<ArbiterState, ArbiterEffect> step, Command c) {
        ArbiterState s = step.before();
        HostId target = c.target().orElseGet(() -> s.leader().map(policy.topology()::other).orElse(policy.topology().standby()));
        if (!policy.topology().contains(target)) {
            return refuse(step, c, "promote for unknown host " + target);
        }
        if (s.leader().filter(target::equals).isPresent() && s.phase() instanceof Phase.Watching) {
            return refuse(step, c, target + " already leads at epoch " + s.epoch());
        }
        String by = c.actor().orElse("operator");
        return flow.grant(step, target, "manual" + c.reason().map(r -> ": " + r).orElse(""), false,
                "explicit promote of " + target + " by " + by + (s.frozen() ? " (overrides freeze)" : ""), c.id());
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
        if (s.phase() instanceof Phase.HandingBack) {
            return refuse(step, c, "duplicate: already handing back from " + leader);
        }
        return flow.startHandBack(step, leader, c);
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
        if (!freeze && s.phase() instanceof Phase.Blocked b && b.retryAt().isEmpty()) {
            Step<ArbiterState, ArbiterEffect> next = new Step<>(after, step.now(), policy.actor(), policy.service().value(),
                    ArbiterEffect.Audit::new, ArbiterMachine::auditDetails);
            Decision<ArbiterState, ArbiterEffect> resumed = flow.confirm(next, b.suspect(), why);
            return new Decision<>(resumed.state(), prepend(say.event(name, why, c.id()), resumed.effects()), resumed.verdict());
        }
        return step.accept(after, c.verb().wire(), why, List.of(say.event(name, why, c.id())));
    }

    /** Refuses an operator's command, telling the operator through a {@code rejected} event that names it. */
    private Decision<ArbiterState, ArbiterEffect> refuse(Step<ArbiterState, ArbiterEffect> step, Command c, String reason) {
        Announcements say = new Announcements(policy, step.now());
        return step.reject(c.verb().wire(), reason, List.of(say.event(LeadershipEvent.REJECTED, reason, c.id())));
    }

    private static List<ArbiterEffect> prepend(ArbiterEffect first, List<ArbiterEffect> rest) {
        java.util.ArrayList<ArbiterEffect> all = new java.util.ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static Map<String, String> auditDetails(ArbiterState s) {
        return Map.of("phase", s.phase().label(), "epoch", s.epoch().toString(),
                "leader", s.leader().map(HostId::value).orElse(""), "frozen", Boolean.toString(s.frozen()));
    }
}
