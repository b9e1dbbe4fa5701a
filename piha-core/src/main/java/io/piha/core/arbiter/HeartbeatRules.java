package io.piha.core.arbiter;

import io.piha.api.alert.AlertCodes;
import io.piha.api.alert.Severity;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.ParticipantKind;
import io.piha.core.Decision;
import io.piha.core.internal.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a heartbeat tells the arbiter. Liveness is the arbiter's own arrival time, never the sender's stamp; order is
 * the heartbeat's id (agents) or the sender's own stamps compared with each other (v1), never two clocks compared.
 * The sender's clock offset is reported, and alerted past the bound, but is no reason to refuse it. A heartbeat of the
 * holder at the current epoch renews its lease; one older than the timeout (retained before a broker restart) is a
 * missing leader.
 */
final class HeartbeatRules {

    private final ArbiterPolicy policy;
    private final FailoverFlow flow;
    private final ArbiterMachine machine;

    HeartbeatRules(ArbiterPolicy policy, FailoverFlow flow, ArbiterMachine machine) {
        this.policy = policy;
        this.flow = flow;
        this.machine = machine;
    }

    Decision<ArbiterState, ArbiterEffect> onHeartbeat(Step<ArbiterState, ArbiterEffect> step, Heartbeat hb) {
        ArbiterState s = step.before();
        HostId host = hb.host();
        if (!policy.topology().contains(host)) {
            return step.reject("observe_heartbeat", "heartbeat from unknown host " + host);
        }
        Optional<Decision<ArbiterState, ArbiterEffect>> refused = refuse(step, hb);
        if (refused.isPresent()) {
            return refused.get();
        }
        Duration offset = ArbiterMachine.offset(hb, step.now());
        ArbiterState seen = s.withHost(host, s.host(host).seen(ParticipantKind.of(hb), hb.timestamp(), hb.id(), offset));
        if (hb.timestamp().plus(policy.heartbeatTimeout()).plus(policy.maxClockSkew()).isBefore(step.now())) {
            return stale(step, seen, hb);
        }
        List<ArbiterEffect> skew = skewAlert(step, seen, host, offset);
        if (!skew.isEmpty()) {
            seen = seen.withHost(host, seen.host(host).alerted(step.now()));
        }
        Optional<Epoch> e = hb.epoch();
        if (s.leader().isEmpty() || e.filter(x -> x.isNewerThan(s.epoch())).isPresent()) {
            return withAlerts(machine.adopt(step, seen, host, hb), skew);
        }
        if (!s.leader().get().equals(host)) {
            return withAlerts(machine.rogue(step, seen, host, e), skew);
        }
        if (e.filter(x -> x.isOlderThan(s.epoch())).isPresent()) {
            return step.reject("observe_heartbeat", "heartbeat of " + host + " at stale epoch " + e.get() + " < " + s.epoch());
        }
        return withAlerts(leaderAlive(step, seen.withHeartbeat(step.now()), host, hb), skew);
    }

    /** Refusals that need no state change: forged, absurd, duplicate. */
    private Optional<Decision<ArbiterState, ArbiterEffect>> refuse(Step<ArbiterState, ArbiterEffect> step, Heartbeat hb) {
        ArbiterState s = step.before();
        HostId host = hb.host();
        boolean agent = s.kindOf(host, policy.topology()) == ParticipantKind.AGENT || hb.id().isPresent();
        if (policy.safety().requireSignedAgents() && agent && !hb.authenticated()) {
            Announcements say = new Announcements(policy, step.now());
            String why = "unsigned heartbeat of agent " + host + " refused: agents must sign when commands are signed";
            return Optional.of(step.reject("observe_heartbeat", why, List.of(say.alert(AlertCodes.UNSIGNED_MESSAGE,
                    Severity.CRITICAL, why, Map.of("host", host.value())))));
        }
        if (hb.epoch().isPresent()) {
            Optional<Decision<ArbiterState, ArbiterEffect>> absurd = machine.absurdEpoch(step, hb.epoch().get(),
                    "heartbeat of " + host);
            if (absurd.isPresent()) {
                return absurd;
            }
        }
        ArbiterState.HostView view = s.host(host);
        boolean sameId = hb.id().isPresent() && hb.id().equals(view.lastId());
        boolean notNewer = hb.id().isEmpty() && view.lastStamp().filter(last -> !hb.timestamp().isAfter(last)).isPresent();
        if (sameId || notNewer) {
            return Optional.of(step.unchanged("duplicate or reordered heartbeat of " + host));
        }
        return Optional.empty();
    }

    /**
     * Older than the timeout: retained before a broker restart. When nobody is known to lead, its sender is the last
     * known leader and is treated as missing (verify, power-cycle, fence, promote); otherwise it changes nothing.
     */
    private Decision<ArbiterState, ArbiterEffect> stale(Step<ArbiterState, ArbiterEffect> step, ArbiterState seen,
                                                        Heartbeat hb) {
        ArbiterState s = step.before();
        String why = "stale heartbeat of " + hb.host() + " from " + hb.timestamp() + " (older than "
                + Announcements.human(policy.heartbeatTimeout()) + ": retained before a broker restart?)";
        if (s.leader().isEmpty() && s.phase() instanceof Phase.Watching) {
            Step<ArbiterState, ArbiterEffect> next = machine.step(seen.withLeader(hb.host(), s.epoch(), step.now())
                    .withHeartbeat(step.now()), step.now());
            return flow.suspect(next, hb.host(), why + ", and nobody else is known to lead");
        }
        return step.routine(seen, "observe_heartbeat", why, List.of());
    }

    private List<ArbiterEffect> skewAlert(Step<ArbiterState, ArbiterEffect> step, ArbiterState s, HostId host,
                                          Duration offset) {
        boolean beyond = offset.abs().compareTo(policy.maxClockSkew()) > 0;
        boolean recent = s.host(host).alertedAt().filter(at -> step.now().isBefore(at.plus(policy.safety()
                .reminderInterval()))).isPresent();
        if (!beyond || recent) {
            return List.of();
        }
        Announcements say = new Announcements(policy, step.now());
        return List.of(say.alert(AlertCodes.CLOCK_SKEW, Severity.WARNING, "the clock of " + host + " is "
                + Announcements.human(offset.abs()) + (offset.isNegative() ? " behind" : " ahead of") + " the control "
                + "plane's, beyond the bound of " + Announcements.human(policy.maxClockSkew()) + ": check its time "
                + "synchronisation (its messages are still taken)", Map.of("host", host.value(),
                "offset_ms", Long.toString(offset.toMillis()))));
    }

    /** The holder heartbeats: alive, its lease renewed (agents), a failover in progress called off. */
    private Decision<ArbiterState, ArbiterEffect> leaderAlive(Step<ArbiterState, ArbiterEffect> step, ArbiterState after,
                                                              HostId host, Heartbeat hb) {
        Phase p = after.phase();
        List<ArbiterEffect> renewal = new ArrayList<>();
        boolean handingOver = p instanceof Phase.Demoting || p instanceof Phase.Fencing
                || p instanceof Phase.AwaitingLeaseExpiry || (p instanceof Phase.Blocked b && b.pending().isPresent());
        if (handingOver) {
            // Being handed over: never renew a lease that is about to be waited out or fenced.
            return step.routine(after, "observe_heartbeat", "heartbeat of " + host + " while it is handed over ("
                    + p.label() + "): lease not renewed", List.of());
        }
        if (hb.id().isPresent()) {
            Lease lease = Lease.renewal(host, after.epoch(), step.now(), policy.safety().leaseDuration(), hb.id().get());
            renewal.add(new ArbiterEffect.Publish(new LeadershipMessage.LeaseGranted(policy.service(), lease)));
            after = after.withRenewal(step.now());
        }
        if (p instanceof Phase.AwaitingLeader a) {
            return step.accept(after.watching(step.now()), "leader_confirmed", host + " leads at epoch " + a.epoch(), renewal);
        }
        boolean failing = p instanceof Phase.Verifying || p instanceof Phase.PowerCycling || p instanceof Phase.AwaitingRecovery
                || p instanceof Phase.ConfirmingDeath || p instanceof Phase.CheckingCandidate
                || p instanceof Phase.Blocked;
        if (failing) {
            Decision<ArbiterState, ArbiterEffect> d = flow.recovered(machine.step(after, step.now()), host,
                    "heartbeat received during " + p.label());
            return withAlerts(d, renewal);
        }
        return step.routine(after, "observe_heartbeat", "heartbeat of " + host, renewal);
    }

    private static Decision<ArbiterState, ArbiterEffect> withAlerts(Decision<ArbiterState, ArbiterEffect> d,
                                                                    List<ArbiterEffect> extra) {
        if (extra.isEmpty()) {
            return d;
        }
        List<ArbiterEffect> all = new ArrayList<>(extra);
        all.addAll(d.effects());
        return new Decision<>(d.state(), all, d.verdict());
    }
}
