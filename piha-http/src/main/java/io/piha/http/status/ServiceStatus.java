package io.piha.http.status;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The leadership of one service as the arbiter sees it.
 *
 * @param service the service
 * @param leader the lease holder, if any
 * @param epoch the highest epoch granted or seen
 * @param phase the arbiter's phase label, e.g. {@code watching}, {@code awaiting_recovery}
 * @param frozen whether automatic promotion is frozen
 * @param freezeReason why, as the freeze said it (who and the reason), if frozen and known
 * @param lastHeartbeat the timestamp of the leader's newest heartbeat, if any
 * @param nextAction what the arbiter will do next and when, if anything is queued
 * @since 0.1
 */
public record ServiceStatus(ServiceName service, Optional<HostId> leader, Epoch epoch, String phase, boolean frozen,
                            Optional<String> freezeReason, Optional<Instant> lastHeartbeat,
                            Optional<QueuedAction> nextAction) {

    /** @throws NullPointerException if a component is null */
    public ServiceStatus {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(freezeReason, "freezeReason");
        Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
        Objects.requireNonNull(nextAction, "nextAction");
    }

    /** A service status without a freeze reason. */
    public ServiceStatus(ServiceName service, Optional<HostId> leader, Epoch epoch, String phase, boolean frozen,
                         Optional<Instant> lastHeartbeat, Optional<QueuedAction> nextAction) {
        this(service, leader, epoch, phase, frozen, Optional.empty(), lastHeartbeat, nextAction);
    }

    /** How old the newest heartbeat is at {@code now}, if there is one. */
    public Optional<Duration> heartbeatAge(Instant now) {
        return lastHeartbeat.map(hb -> Duration.between(hb, now));
    }

    /** Whether the arbiter is in normal operation (watching), as opposed to working on a failover. */
    public boolean isCalm() {
        return "watching".equals(phase);
    }
}
