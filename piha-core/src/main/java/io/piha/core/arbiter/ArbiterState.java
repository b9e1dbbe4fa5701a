package io.piha.core.arbiter;

import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.ParticipantKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the arbiter knows about one service. Immutable. Every instant is the arbiter's own clock: when it received
 * something or decided something, never a time another host wrote (those are only reported, as clock offsets).
 *
 * @param phase where it is in its work
 * @param leader the lease holder, if any
 * @param epoch the highest epoch granted or seen
 * @param lastHeartbeat when the leader's newest heartbeat at the current epoch arrived
 * @param watchSince when the watchdog started watching the current leader (start-up, grant, recovery, reconnect):
 *     silence is measured from the later of this and the last heartbeat, so a restart of the control plane or of
 *     the broker never causes a failover by itself
 * @param frozen whether automatic promotion is frozen
 * @param lastFailover when the last automatic failover was granted (anti-flap)
 * @param commandSeq the number of commands issued, for unique command ids
 * @param hosts what is known of each host: how it takes part, its newest heartbeat, its clock offset
 * @param leaseRenewedAt when the holder's lease was last renewed (or granted), for waiting a lease out
 * @param seen the command ids and plain verbs decided recently, to count redeliveries once
 * @param remindAt when a stuck state repeats its CRITICAL alert, if it is stuck
 * @param connected whether the control plane holds its connection to the broker
 * @param announced the retained state of the service as last seen; empty means "no leader"
 * @since 0.1
 */
public record ArbiterState(Phase phase, Optional<HostId> leader, Epoch epoch, Optional<Instant> lastHeartbeat,
                           Instant watchSince, boolean frozen, Optional<Instant> lastFailover, long commandSeq,
                           Map<HostId, HostView> hosts, Optional<Instant> leaseRenewedAt, Seen seen,
                           Optional<Instant> remindAt, boolean connected, Optional<LeaderState> announced) {

    /** @throws NullPointerException if a component is null */
    public ArbiterState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
        Objects.requireNonNull(watchSince, "watchSince");
        Objects.requireNonNull(lastFailover, "lastFailover");
        hosts = Map.copyOf(hosts);
        Objects.requireNonNull(leaseRenewedAt, "leaseRenewedAt");
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(remindAt, "remindAt");
        Objects.requireNonNull(announced, "announced");
    }

    /**
     * What the arbiter knows of one host.
     *
     * @param kind how it takes part, as detected from what it published (the topology's configured kind wins)
     * @param lastStamp the sender's timestamp of its newest heartbeat (its clock), to tell a v1 redelivery
     * @param lastId the id of its newest heartbeat (agents)
     * @param clockOffset its clock minus the arbiter's when its newest heartbeat arrived (delivery delay included)
     * @param alertedAt when a repeated alert about it (rogue leader, clock skew) was last raised, to space them
     */
    public record HostView(Optional<ParticipantKind> kind, Optional<Instant> lastStamp, Optional<String> lastId,
                           Optional<Duration> clockOffset, Optional<Instant> alertedAt) {
        /** Nothing known yet. */
        public static final HostView UNKNOWN = new HostView(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        /** @throws NullPointerException if a component is null */
        public HostView {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(lastStamp, "lastStamp");
            Objects.requireNonNull(lastId, "lastId");
            Objects.requireNonNull(clockOffset, "clockOffset");
            Objects.requireNonNull(alertedAt, "alertedAt");
        }

        HostView seen(ParticipantKind detected, Instant stamp, Optional<String> id, Duration offset) {
            ParticipantKind k = kind.filter(old -> old.compareTo(detected) > 0).orElse(detected);
            return new HostView(Optional.of(k), Optional.of(stamp), id, Optional.of(offset), alertedAt);
        }

        HostView detected(ParticipantKind detected) {
            ParticipantKind k = kind.filter(old -> old.compareTo(detected) > 0).orElse(detected);
            return new HostView(Optional.of(k), lastStamp, lastId, clockOffset, alertedAt);
        }

        HostView alerted(Instant at) {
            return new HostView(kind, lastStamp, lastId, clockOffset, Optional.of(at));
        }

        /**
         * When the newest heartbeat arrived by the control plane's clock: its own stamp less the clock offset measured
         * at that arrival. Empty if none was ever heard.
         *
         * @return the arrival of the newest heartbeat
         */
        public Optional<Instant> heardAt() {
            return lastStamp.flatMap(stamp -> clockOffset.map(stamp::minus));
        }
    }

    /**
     * What was decided recently, so that a redelivered command acts once.
     *
     * @param commandIds the newest command ids decided on (bounded)
     * @param plain the newest plain verb decided, and when
     */
    public record Seen(List<String> commandIds, Optional<PlainCommand> plain) {
        /** Nothing seen. */
        public static final Seen NOTHING = new Seen(List.of(), Optional.empty());
        /** How many command ids are remembered. */
        public static final int MEMORY = 64;

        /** @throws NullPointerException if a component is null */
        public Seen {
            commandIds = List.copyOf(commandIds);
            Objects.requireNonNull(plain, "plain");
        }

        Seen withCommand(String id) {
            List<String> ids = new ArrayList<>(commandIds);
            ids.add(id);
            return new Seen(ids.subList(Math.max(0, ids.size() - MEMORY), ids.size()), plain);
        }

        Seen withPlain(CommandVerb verb, Instant at) {
            return new Seen(commandIds, Optional.of(new PlainCommand(verb, at)));
        }
    }

    /**
     * A plain (v1) command: it has no id, so a redelivery is the same verb again within the window.
     *
     * @param verb the verb
     * @param at when it was decided (or published, for the arbiter's own)
     */
    public record PlainCommand(CommandVerb verb, Instant at) {
        /** @throws NullPointerException if a component is null */
        public PlainCommand {
            Objects.requireNonNull(verb, "verb");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A fresh arbiter that knows nothing yet: it learns the leader from heartbeats. */
    public static ArbiterState startingUp(Instant now) {
        return new ArbiterState(new Phase.Watching(), Optional.empty(), Epoch.ZERO, Optional.empty(), now, false,
                Optional.empty(), 0, Map.of(), Optional.empty(), Seen.NOTHING, Optional.empty(), true, Optional.empty());
    }

    /**
     * An arbiter restarting from what it persisted: same leader, epoch, freeze and failover history, in the phase
     * {@code resumed} (what it was doing that must be finished: a fence, a grant), else watching with the watchdog
     * restarted at {@code now}. A restart mid-verification therefore starts again from the beginning instead of
     * jumping to a promotion, and a restart mid-grant finishes the grant.
     */
    public static ArbiterState resume(Optional<HostId> leader, Epoch epoch, boolean frozen,
                                      Optional<Instant> lastFailover, long commandSeq, Map<HostId, HostView> hosts,
                                      Phase resumed, Instant now) {
        return new ArbiterState(resumed, leader, epoch, Optional.empty(), now, frozen, lastFailover, commandSeq, hosts,
                Optional.of(now), Seen.NOTHING, Optional.empty(), true, Optional.empty());
    }

    /** As {@link #resume(Optional, Epoch, boolean, Optional, long, Map, Phase, Instant)}, watching. */
    public static ArbiterState resume(Optional<HostId> leader, Epoch epoch, boolean frozen,
                                      Optional<Instant> lastFailover, long commandSeq, Instant now) {
        return resume(leader, epoch, frozen, lastFailover, commandSeq, Map.of(), new Phase.Watching(), now);
    }

    /**
     * The part of a phase that must survive a restart: a hand-over or a grant in progress (it was written down
     * before it was acted on, and is finished after the restart); any other phase resumes as watching, the watchdog
     * starting over.
     */
    public static Phase durablePhase(Phase p) {
        boolean inProgress = p instanceof Phase.Fencing || p instanceof Phase.Demoting
                || p instanceof Phase.AwaitingLeaseExpiry || p instanceof Phase.AwaitingLeader
                || p instanceof Phase.HandingBack || p instanceof Phase.Blocked b && b.pending().isPresent();
        return inProgress ? p : new Phase.Watching();
    }

    /**
     * What survives a restart of the control plane: what it decided (leader, epoch, freeze, failover history,
     * command counter, the command ids it acted on) and what it was doing that must be finished ({@link
     * #durablePhase(Phase)}). The one definition of what a memory stores; {@link #resume(Instant)} turns it back into
     * a state.
     *
     * @param leader the leader
     * @param epoch the epoch
     * @param frozen whether failover is frozen
     * @param lastFailover when the last failover was granted
     * @param commandSeq the number of commands issued
     * @param kinds how each host takes part, as detected
     * @param phase the phase to resume in
     * @param commandIds the command ids recently decided on, so a redelivery after the restart still acts once
     */
    public record Remembered(Optional<HostId> leader, Epoch epoch, boolean frozen, Optional<Instant> lastFailover,
                             long commandSeq, Map<HostId, ParticipantKind> kinds, Phase phase, List<String> commandIds) {
        /** @throws NullPointerException if a component is null; IllegalArgumentException if the phase is not durable */
        public Remembered {
            Objects.requireNonNull(leader, "leader");
            Objects.requireNonNull(epoch, "epoch");
            Objects.requireNonNull(lastFailover, "lastFailover");
            kinds = Map.copyOf(kinds);
            Objects.requireNonNull(phase, "phase");
            if (!durablePhase(phase).equals(phase)) {
                throw new IllegalArgumentException("phase " + phase.label() + " does not survive a restart");
            }
            commandIds = List.copyOf(commandIds);
            if (commandSeq < 0) {
                throw new IllegalArgumentException("commandSeq must not be negative, was " + commandSeq);
            }
        }

        /** The state to continue from at {@code now}: the watchdog and the lease wait start over. */
        public ArbiterState resume(Instant now) {
            Map<HostId, HostView> hosts = new HashMap<>();
            kinds.forEach((h, k) -> hosts.put(h, HostView.UNKNOWN.detected(k)));
            return ArbiterState.resume(leader, epoch, frozen, lastFailover, commandSeq, hosts, phase, now)
                    .withSeen(new Seen(commandIds, Optional.empty()));
        }
    }

    /** The part of this state that survives a restart. */
    public Remembered remembered() {
        Map<HostId, ParticipantKind> kinds = new HashMap<>();
        hosts.forEach((h, v) -> v.kind().ifPresent(k -> kinds.put(h, k)));
        return new Remembered(leader, epoch, frozen, lastFailover, commandSeq, kinds, durablePhase(phase),
                seen.commandIds());
    }

    /** When the leader's silence started counting: the later of the last heartbeat and {@code watchSince}. */
    public Instant silenceSince() {
        return lastHeartbeat.filter(hb -> hb.isAfter(watchSince)).orElse(watchSince);
    }

    /** How long the leader has been silent at {@code now}. */
    public Duration silenceAt(Instant now) {
        return Duration.between(silenceSince(), now);
    }

    /** What is known of a host. */
    public HostView host(HostId host) {
        return hosts.getOrDefault(host, HostView.UNKNOWN);
    }

    /** How a host takes part: configured in the topology, else detected, else v1 (assume the least). */
    public ParticipantKind kindOf(HostId host, Topology topology) {
        return knownKindOf(host, topology).orElse(ParticipantKind.V1);
    }

    /** How a host takes part, if configured or detected. */
    public Optional<ParticipantKind> knownKindOf(HostId host, Topology topology) {
        return topology.configured(host).or(() -> host(host).kind());
    }

    ArbiterState withPhase(Phase p) {
        return new ArbiterState(p, leader, epoch, lastHeartbeat, watchSince, frozen, lastFailover, commandSeq, hosts,
                leaseRenewedAt, seen, Optional.empty(), connected, announced);
    }

    ArbiterState watching(Instant since) {
        return new ArbiterState(new Phase.Watching(), leader, epoch, lastHeartbeat, since, frozen, lastFailover,
                commandSeq, hosts, leaseRenewedAt, seen, Optional.empty(), connected, announced);
    }

    ArbiterState withLeader(HostId host, Epoch e, Instant grantedAt) {
        return new ArbiterState(phase, Optional.of(host), Epoch.max(epoch, e), Optional.empty(), watchSince, frozen,
                lastFailover, commandSeq, hosts, Optional.of(grantedAt), seen, remindAt, connected, announced);
    }

    ArbiterState withoutLeader() {
        return new ArbiterState(phase, Optional.empty(), epoch, Optional.empty(), watchSince, frozen, lastFailover,
                commandSeq, hosts, Optional.empty(), seen, remindAt, connected, announced);
    }

    ArbiterState withHeartbeat(Instant arrived) {
        return new ArbiterState(phase, leader, epoch, Optional.of(arrived), watchSince, frozen, lastFailover, commandSeq,
                hosts, leaseRenewedAt, seen, remindAt, connected, announced);
    }

    ArbiterState withRenewal(Instant at) {
        return new ArbiterState(phase, leader, epoch, lastHeartbeat, watchSince, frozen, lastFailover, commandSeq, hosts,
                Optional.of(at), seen, remindAt, connected, announced);
    }

    ArbiterState withHost(HostId host, HostView view) {
        Map<HostId, HostView> all = new HashMap<>(hosts);
        all.put(host, view);
        return new ArbiterState(phase, leader, epoch, lastHeartbeat, watchSince, frozen, lastFailover, commandSeq, all,
                leaseRenewedAt, seen, remindAt, connected, announced);
    }

    ArbiterState withFrozen(boolean value) {
        return new ArbiterState(phase, leader, epoch, lastHeartbeat, watchSince, value, lastFailover, commandSeq, hosts,
                leaseRenewedAt, seen, remindAt, connected, announced);
    }

    ArbiterState withFailoverAt(Instant at) {
        return new ArbiterState(phase, leader, epoch, lastHeartbeat, watchSince, frozen, Optional.of(at), commandSeq,
                hosts, leaseRenewedAt, seen, remindAt, connected, announced);
    }

    ArbiterState withNextCommand() {
        return new ArbiterState(phase, leader, epoch, lastHeartbeat, watchSince, frozen, lastFailover, commandSeq + 1,
                hosts, leaseRenewedAt, seen, remindAt, connected, announced);
    }

    ArbiterState withSeen(Seen s) {
        return new ArbiterState(phase, leader, epoch, lastHeartbeat, watchSince, frozen, lastFailover, commandSeq, hosts,
                leaseRenewedAt, s, remindAt, connected, announced);
    }

    ArbiterState remindingAt(Optional<Instant> at) {
        return new ArbiterState(phase, leader, epoch, lastHeartbeat, watchSince, frozen, lastFailover, commandSeq, hosts,
                leaseRenewedAt, seen, at, connected, announced);
    }

    ArbiterState withAnnounced(Optional<LeaderState> state) {
        return new ArbiterState(phase, leader, epoch, lastHeartbeat, watchSince, frozen, lastFailover, commandSeq, hosts,
                leaseRenewedAt, seen, remindAt, connected, state);
    }

    ArbiterState withConnected(boolean value, Instant now) {
        return new ArbiterState(phase, leader, epoch, lastHeartbeat, value ? now : watchSince, frozen, lastFailover,
                commandSeq, hosts, leaseRenewedAt, seen, remindAt, value, announced);
    }
}
