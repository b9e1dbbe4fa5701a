package io.piha.core.node;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.Lease;
import io.piha.core.Decision;
import io.piha.core.Verdict;
import io.piha.core.internal.Step;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The node's leadership decisions: {@code (state, input, now) -> (state', effects)}. Pure and thread-safe; the edge
 * feeds it inputs from the bus and its timers, and carries out the effects. {@code now} is the node's own clock,
 * which never has to agree with the arbiter's: order comes from epochs and ids.
 *
 * <p>The rules, from contract v1 plus the SDK's fencing:
 * <ul>
 *   <li>A promote is taken only with an epoch newer than any seen (or equal to a lease granted to this node), only
 *       if addressed to this node or to no one. Without an epoch it is refused unless
 *       {@link NodePolicy#requireGrantedEpoch()} is off. A command id seen before is a redelivery: dropped.</li>
 *   <li>A promoted node leads (heartbeats) at once but acts only while its lease is valid: the arbiter renews it
 *       in answer to a heartbeat, and the lease lasts its lifetime from when that heartbeat was sent. When it runs
 *       out the node stops acting and goes on heartbeating, so a renewal can bring it back. Without the SDK's
 *       arbiter there are no leases and a leader acts from the promote on.</li>
 *   <li>While the service is in {@code maintenance}, only a promote addressed to this node is taken.</li>
 *   <li>A leader that sees a newer epoch held by another host stops at once (fencing).</li>
 *   <li>Anything refused leaves the state unchanged and is audited with the reason.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class NodeMachine {

    private final NodePolicy policy;

    /** A machine deciding for {@code policy.self()}. */
    public NodeMachine(NodePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The policy this machine decides by. */
    public NodePolicy policy() {
        return policy;
    }

    /** When the edge must send the next {@link NodeInput.Tick} at the latest: when an acting node's lease runs out. */
    public Optional<Instant> nextWakeUp(NodeState state) {
        return state.active() ? state.leaseUntil() : Optional.empty();
    }

    /** Decides one input. */
    public Decision<NodeState, NodeEffect> decide(NodeState state, NodeInput input, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(now, "now");
        if (!state.self().equals(policy.self())) {
            throw new IllegalArgumentException("state of " + state.self() + " given to the machine of " + policy.self());
        }
        Step<NodeState, NodeEffect> step = new Step<>(state, now, "agent:" + policy.self(), policy.service().value(),
                NodeEffect.Audit::new, NodeMachine::auditDetails);
        if (input instanceof NodeInput.CommandReceived c) {
            return onCommand(step, c.command());
        } else if (input instanceof NodeInput.StateObserved s) {
            return onState(step, s.state());
        } else if (input instanceof NodeInput.LeaseObserved l) {
            return onLease(step, l.lease());
        } else if (input instanceof NodeInput.HeartbeatObserved h) {
            return onHeartbeat(step, h.heartbeat());
        } else if (input instanceof NodeInput.HeartbeatDue) {
            return onHeartbeatDue(step);
        } else if (input instanceof NodeInput.Tick) {
            return onTick(step);
        }
        throw new IllegalArgumentException("unknown node input " + input);
    }

    private Decision<NodeState, NodeEffect> onCommand(Step<NodeState, NodeEffect> step, Command c) {
        NodeState s = step.before();
        if (c.id().filter(s.seenCommands()::contains).isPresent()) {
            return step.reject(c.verb().wire(), "duplicate: command " + c.describe() + " was already decided");
        }
        Decision<NodeState, NodeEffect> d = decideCommand(step, c);
        return c.id().filter(id -> d.accepted())
                .map(id -> new Decision<>(d.state().withSeenCommand(id), d.effects(), d.verdict())).orElse(d);
    }

    private Decision<NodeState, NodeEffect> decideCommand(Step<NodeState, NodeEffect> step, Command c) {
        NodeState s = step.before();
        if (!c.concerns(s.self())) {
            String why = "command " + c.describe() + " is addressed to " + c.target().orElseThrow();
            Optional<Epoch> newer = c.epoch().filter(e -> e.isNewerThan(s.highestEpoch()));
            // Not ours to execute, but proof that a newer epoch was granted: a leader must stop.
            return newer.isPresent()
                    ? fenceIfOutdated(step, s.withHighestEpoch(newer.get()), newer.get(), why)
                    : step.reject(c.verb().wire(), why);
        }
        if (c.epoch().filter(e -> e.isOlderThan(s.highestEpoch())).isPresent()) {
            return step.reject(c.verb().wire(), "command " + c.describe() + " carries stale epoch "
                    + c.epoch().orElseThrow() + " < " + s.highestEpoch());
        }
        Decision<NodeState, NodeEffect> d = byVerb(step, c);
        Optional<Epoch> newer = c.epoch().filter(e -> e.isNewerThan(d.state().highestEpoch()));
        if (newer.isEmpty()) {
            return d;
        }
        // Refused or not, the command proves that this epoch was granted: never forget it.
        if (!d.accepted()) {
            return fenceIfOutdated(step, s.withHighestEpoch(newer.get()), newer.get(),
                    "refused command " + c.describe() + " (" + ((Verdict.Rejected) d.verdict()).reason() + ")");
        }
        return new Decision<>(d.state().withHighestEpoch(newer.get()), d.effects(), d.verdict());
    }

    private Decision<NodeState, NodeEffect> byVerb(Step<NodeState, NodeEffect> step, Command c) {
        return switch (c.verb()) {
            case PROMOTE -> onPromote(step, c);
            case DEMOTE -> onDemote(step, c);
            case FREEZE, THAW -> onFreeze(step, c);
        };
    }

    private Decision<NodeState, NodeEffect> onPromote(Step<NodeState, NodeEffect> step, Command c) {
        NodeState s = step.before();
        Optional<Epoch> granted = grantedEpoch(s, c);
        if (granted.isEmpty()) {
            return step.reject("promote", promoteRefusal(s, c));
        }
        if (s.announced().orElse(null) == LeaderState.MAINTENANCE && c.target().isEmpty()) {
            return step.reject("promote", "service is in maintenance: waiting for a promote addressed to " + s.self());
        }
        if (c.epoch().isEmpty() && s.announced().orElse(null) == LeaderState.LEADER && s.role() != NodeRole.LEADER) {
            return step.reject("promote", "plain promote refused: state is 'leader' (another host leads);"
                    + " v1 accepts promote only when state is empty or standby");
        }
        Epoch epoch = granted.get();
        NodeState leading = s.withHighestEpoch(epoch).withRole(NodeRole.LEADER, Optional.of(epoch));
        LeadershipEvent ack = event(step.now(), LeadershipEvent.PROMOTED, c).withNewLeader(s.self()).withEpoch(epoch);
        String why = "promoted " + s.self() + " at epoch " + epoch + c.reason().map(r -> " (" + r + ")").orElse("");
        if (!policy.requireGrantedEpoch()) {
            return step.accept(leading.acting(true, Optional.empty()), "promote", why + "; no arbiter: acting at once",
                    List.of(new NodeEffect.TakeLeadership(epoch), new NodeEffect.Activate(epoch),
                            new NodeEffect.PublishState(LeaderState.LEADER), new NodeEffect.PublishEvent(ack)));
        }
        return step.accept(leading, "promote", why + "; acting once the arbiter renews its lease", List.of(
                new NodeEffect.TakeLeadership(epoch), new NodeEffect.PublishState(LeaderState.LEADER),
                new NodeEffect.PublishEvent(ack)));
    }

    /** The epoch a promote grants this node, or empty if it grants none. */
    private Optional<Epoch> grantedEpoch(NodeState s, Command c) {
        if (c.epoch().isEmpty()) {
            return policy.requireGrantedEpoch() || s.role() == NodeRole.LEADER
                    ? Optional.empty() : Optional.of(s.highestEpoch().next());
        }
        Epoch e = c.epoch().get();
        if (e.isNewerThan(s.highestEpoch())) {
            return Optional.of(e);
        }
        boolean leaseIsMine = s.lease().filter(l -> l.epoch().equals(e) && l.holder().equals(s.self())).isPresent();
        boolean alreadyLeading = s.leadingAt().filter(e::equals).isPresent();
        return leaseIsMine && !alreadyLeading ? Optional.of(e) : Optional.empty();
    }

    private String promoteRefusal(NodeState s, Command c) {
        if (c.epoch().isEmpty()) {
            return s.role() == NodeRole.LEADER
                    ? s.self() + " already leads at epoch " + s.leadingAt().orElseThrow()
                    : "promote without epoch: waiting for the arbiter's grant (requireGrantedEpoch is on)";
        }
        if (s.leadingAt().filter(c.epoch().get()::equals).isPresent()) {
            return "duplicate: " + s.self() + " already leads at epoch " + c.epoch().get();
        }
        return "epoch " + c.epoch().get() + " is not newer than " + s.highestEpoch() + " and not leased to " + s.self();
    }

    private Decision<NodeState, NodeEffect> onDemote(Step<NodeState, NodeEffect> step, Command c) {
        NodeState s = step.before();
        if (s.role() != NodeRole.LEADER) {
            return step.reject("demote", s.self() + " is not leader (" + s.role() + ")");
        }
        NodeState after = s.withRole(NodeRole.STANDBY, Optional.empty());
        LeadershipEvent ack = event(step.now(), LeadershipEvent.DEMOTED, c).withEpoch(s.leadingAt().orElseThrow());
        return step.accept(after, "demote", "demoted " + s.self() + " from epoch " + s.leadingAt().orElseThrow(),
                List.of(new NodeEffect.ReleaseLeadership("demoted"), new NodeEffect.PublishState(LeaderState.STANDBY),
                        new NodeEffect.PublishEvent(ack)));
    }

    private Decision<NodeState, NodeEffect> onFreeze(Step<NodeState, NodeEffect> step, Command c) {
        NodeState s = step.before();
        boolean freeze = c.verb() == CommandVerb.FREEZE;
        if (s.frozen() == freeze) {
            return step.reject(c.verb().wire(), "duplicate: already " + (freeze ? "frozen" : "thawed"));
        }
        String name = freeze ? LeadershipEvent.FROZEN : LeadershipEvent.THAWED;
        return step.accept(s.withFrozen(freeze), c.verb().wire(), name,
                List.of(new NodeEffect.PublishEvent(event(step.now(), name, c))));
    }

    private Decision<NodeState, NodeEffect> onState(Step<NodeState, NodeEffect> step, Optional<LeaderState> announced) {
        NodeState s = step.before();
        if (s.announced().equals(announced)) {
            return step.reject("observe_state", "duplicate: state already " + wire(announced));
        }
        NodeState after = s.withAnnounced(announced);
        if (s.role() == NodeRole.STANDBY && announced.orElse(null) == LeaderState.MAINTENANCE) {
            after = after.withRole(NodeRole.MAINTENANCE, Optional.empty());
        } else if (s.role() == NodeRole.MAINTENANCE && announced.orElse(null) != LeaderState.MAINTENANCE) {
            after = after.withRole(NodeRole.STANDBY, Optional.empty());
        }
        return step.accept(after, "observe_state", "state is " + wire(announced) + "; " + s.self() + " is " + after.role());
    }

    private Decision<NodeState, NodeEffect> onLease(Step<NodeState, NodeEffect> step, Lease lease) {
        NodeState s = step.before();
        if (lease.epoch().isOlderThan(s.highestEpoch())) {
            return step.reject("observe_lease", "stale lease at epoch " + lease.epoch() + " < " + s.highestEpoch());
        }
        NodeState after = s.withLease(lease);
        if (s.role() == NodeRole.LEADER && lease.holder().equals(s.self())) {
            if (lease.epoch().isNewerThan(s.leadingAt().orElseThrow())) {
                NodeState regranted = after.withRole(NodeRole.LEADER, Optional.of(lease.epoch()));
                return step.accept(regranted, "observe_lease", s.self() + " re-granted at epoch " + lease.epoch(),
                        List.of(new NodeEffect.TakeLeadership(lease.epoch())));
            }
            if (lease.epoch().equals(s.leadingAt().orElseThrow()) && lease.renews().isPresent()) {
                return renew(step, after, lease);
            }
        }
        if (s.lease().filter(lease::equals).isPresent()) {
            return step.reject("observe_lease", "duplicate lease " + lease.holder() + "@" + lease.epoch());
        }
        if (!lease.epoch().isNewerThan(s.highestEpoch())) {
            return step.routine(after, "observe_lease", "lease of " + lease.holder() + " at epoch " + lease.epoch(), List.of());
        }
        return fenceIfOutdated(step, after, lease.epoch(), "lease of " + lease.holder());
    }

    /** A renewal answering one of this leader's heartbeats: valid for its lifetime from that heartbeat's sending. */
    private Decision<NodeState, NodeEffect> renew(Step<NodeState, NodeEffect> step, NodeState after, Lease lease) {
        NodeState s = step.before();
        Optional<Instant> sentAt = s.sentAt(lease.renews().get());
        if (sentAt.isEmpty() || lease.validFor().isEmpty()) {
            return step.reject("renew", "lease renewal answers heartbeat " + lease.renews().get()
                    + (sentAt.isEmpty() ? ", which is not one of the newest this run sent" : " but has no lifetime"));
        }
        Instant until = sentAt.get().plus(lease.validFor().get());
        Instant newest = s.leaseUntil().filter(u -> u.isAfter(until)).orElse(until);
        if (!newest.isAfter(step.now())) {
            return step.reject("renew", "renewal of heartbeat " + lease.renews().get() + " came after its lifetime ("
                    + until + "); still not acting");
        }
        Epoch epoch = s.leadingAt().orElseThrow();
        if (s.active()) {
            return step.routine(after.acting(true, Optional.of(newest)), "renew", "lease at epoch " + epoch
                    + " valid until " + newest, List.of());
        }
        return step.accept(after.acting(true, Optional.of(newest)), "activate", s.self() + " acts at epoch " + epoch
                + ": lease valid until " + newest, List.of(new NodeEffect.Activate(epoch)));
    }

    private Decision<NodeState, NodeEffect> onHeartbeatDue(Step<NodeState, NodeEffect> step) {
        NodeState s = step.before();
        if (s.role() != NodeRole.LEADER) {
            return step.unchanged("not leading: no heartbeat");
        }
        String id = s.heartbeatId(s.nextHeartbeat());
        Heartbeat hb = Heartbeat.of(s.self(), step.now(), s.leadingAt().orElseThrow(), id);
        return step.routine(s.withSent(id, step.now()), "heartbeat", "heartbeat " + id + " at epoch "
                + s.leadingAt().orElseThrow(), List.of(new NodeEffect.PublishHeartbeat(hb)));
    }

    private Decision<NodeState, NodeEffect> onTick(Step<NodeState, NodeEffect> step) {
        NodeState s = step.before();
        if (!s.active() || s.leaseUntil().filter(u -> !step.now().isBefore(u)).isEmpty()) {
            return step.unchanged("nothing due");
        }
        String why = "lease at epoch " + s.leadingAt().orElseThrow() + " ran out at " + s.leaseUntil().get()
                + " without renewal: stops acting, keeps heartbeating";
        return step.accept(s.acting(false, s.leaseUntil()), "suspend", why, List.of(new NodeEffect.Suspend(why)));
    }

    private Decision<NodeState, NodeEffect> onHeartbeat(Step<NodeState, NodeEffect> step, Heartbeat hb) {
        NodeState s = step.before();
        if (hb.host().equals(s.self())) {
            return step.unchanged("own heartbeat");
        }
        if (hb.epoch().filter(e -> e.isNewerThan(s.highestEpoch())).isEmpty()) {
            // Routine: the leader's heartbeats only matter to a node when they reveal a newer epoch.
            return step.unchanged("heartbeat of " + hb.host() + " at no newer epoch than " + s.highestEpoch());
        }
        Epoch e = hb.epoch().orElseThrow();
        return fenceIfOutdated(step, s.withHighestEpoch(e), e, "heartbeat of " + hb.host());
    }

    private Decision<NodeState, NodeEffect> fenceIfOutdated(Step<NodeState, NodeEffect> step, NodeState after, Epoch seen,
                                                           String source) {
        NodeState s = step.before();
        if (s.role() == NodeRole.LEADER && seen.isNewerThan(s.leadingAt().orElseThrow())) {
            String why = "fenced by epoch " + seen + " (" + source + ")";
            LeadershipEvent ev = LeadershipEvent.of(step.now(), LeadershipEvent.DEMOTED, s.self().value())
                    .withReason("fenced").withEpoch(seen);
            return step.accept(after.withRole(NodeRole.STANDBY, Optional.empty()), "fence", why,
                    List.of(new NodeEffect.ReleaseLeadership(why), new NodeEffect.PublishEvent(ev)));
        }
        return step.accept(after, "observe_epoch", "epoch " + after.highestEpoch() + " from " + source);
    }

    private LeadershipEvent event(Instant now, String name, Command c) {
        LeadershipEvent e = LeadershipEvent.of(now, name, policy.self().value()).acknowledging(c.id());
        return c.reason().map(e::withReason).orElse(e);
    }

    private static Map<String, String> auditDetails(NodeState s) {
        return Map.of("role", s.role().name(), "epoch", s.highestEpoch().toString(), "active", Boolean.toString(s.active()));
    }

    private static String wire(Optional<LeaderState> s) {
        return s.map(LeaderState::wire).orElse("empty (no leader)");
    }
}
