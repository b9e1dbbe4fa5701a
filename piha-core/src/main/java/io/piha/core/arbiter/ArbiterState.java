package io.piha.core.arbiter;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the arbiter knows about one service. Immutable.
 *
 * @param phase where it is in its work
 * @param leader the lease holder, if any
 * @param epoch the highest epoch granted or seen
 * @param lastHeartbeat the timestamp of the leader's newest heartbeat
 * @param watchSince when the watchdog started watching the current leader (start-up, grant, recovery):
 *     silence is measured from the later of this and the last heartbeat, so a restart of the control
 *     plane never causes a failover by itself
 * @param frozen whether automatic promotion is frozen
 * @param lastFailover when the last automatic failover was granted (anti-flap)
 * @param commandSeq the number of commands issued, for unique command ids
 * @since 0.1
 */
public record ArbiterState(Phase phase, Optional<HostId> leader, Epoch epoch, Optional<Instant> lastHeartbeat,
                           Instant watchSince, boolean frozen, Optional<Instant> lastFailover, long commandSeq) {

    /** @throws NullPointerException if a component is null */
    public ArbiterState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
        Objects.requireNonNull(watchSince, "watchSince");
        Objects.requireNonNull(lastFailover, "lastFailover");
    }

    /** A fresh arbiter that knows nothing yet: it learns the leader from heartbeats. */
    public static ArbiterState startingUp(Instant now) {
        return new ArbiterState(new Phase.Watching(), Optional.empty(), Epoch.ZERO, Optional.empty(), now, false,
                Optional.empty(), 0);
    }

    /**
     * An arbiter restarting from what it persisted: same leader, epoch, freeze and failover history, back in
     * {@link Phase.Watching} with the watchdog restarted at {@code now}. A restart mid-failover therefore
     * starts the verification again from the beginning instead of jumping to a promotion.
     */
    public static ArbiterState resume(Optional<HostId> leader, Epoch epoch, boolean frozen,
                                      Optional<Instant> lastFailover, long commandSeq, Instant now) {
        return new ArbiterState(new Phase.Watching(), leader, epoch, Optional.empty(), now, frozen, lastFailover,
                commandSeq);
    }

    /** When the leader's silence started counting: the later of the last heartbeat and {@code watchSince}. */
    public Instant silenceSince() {
        return lastHeartbeat.filter(hb -> hb.isAfter(watchSince)).orElse(watchSince);
    }

    /** How long the leader has been silent at {@code now}. */
    public Duration silenceAt(Instant now) {
        return Duration.between(silenceSince(), now);
    }

    ArbiterState withPhase(Phase p) {
        return new ArbiterState(p, leader, epoch, lastHeartbeat, watchSince, frozen, lastFailover, commandSeq);
    }

    ArbiterState watching(Instant since) {
        return new ArbiterState(new Phase.Watching(), leader, epoch, lastHeartbeat, since, frozen, lastFailover,
                commandSeq);
    }

    ArbiterState withLeader(HostId host, Epoch e) {
        return new ArbiterState(phase, Optional.of(host), Epoch.max(epoch, e), Optional.empty(), watchSince, frozen,
                lastFailover, commandSeq);
    }

    ArbiterState withHeartbeat(Instant ts) {
        return new ArbiterState(phase, leader, epoch, Optional.of(ts), watchSince, frozen, lastFailover, commandSeq);
    }

    ArbiterState withFrozen(boolean value) {
        return new ArbiterState(phase, leader, epoch, lastHeartbeat, watchSince, value, lastFailover, commandSeq);
    }

    ArbiterState withFailoverAt(Instant at) {
        return new ArbiterState(phase, leader, epoch, lastHeartbeat, watchSince, frozen, Optional.of(at), commandSeq);
    }

    ArbiterState withNextCommand() {
        return new ArbiterState(phase, leader, epoch, lastHeartbeat, watchSince, frozen, lastFailover, commandSeq + 1);
    }
}
