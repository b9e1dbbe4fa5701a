package io.piha.http.status;

import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One host of a service as the control plane sees it. The last heartbeat is the arbiter's memory of that host, kept
 * after a failover: an old primary shows when it was last heard, not "never".
 *
 * @param host the host
 * @param service the service it takes part in
 * @param role what it is in words, e.g. {@code leader}, {@code standby}
 * @param kind how it takes part ({@code v1}, {@code package}, {@code agent}), if configured or detected
 * @param lastProbe the newest probe result, if probed yet
 * @param lastHeartbeat when its newest heartbeat arrived (the control plane's clock), if heard since start-up
 * @param epoch the epoch it holds (the leader) or its newest heartbeat carried, if any
 * @param clockOffset its clock minus the control plane's at its newest heartbeat, if known
 * @param liveness whether it heartbeats
 * @since 0.1
 */
public record HostStatus(HostId host, String service, String role, Optional<String> kind,
                         Optional<ProbeResult> lastProbe, Optional<Instant> lastHeartbeat, Optional<Epoch> epoch,
                         Optional<Duration> clockOffset, Liveness liveness) {

    /** How a host looks on the page. */
    public enum Health {
        /** The last probe found it healthy. */
        UP,
        /** It answered, but not as a healthy one does. */
        DOWN,
        /** It did not answer. */
        UNREACHABLE,
        /** Not probed yet. */
        UNKNOWN
    }

    /** Whether a host heartbeats. */
    public enum Liveness {
        /** Its newest heartbeat is within the heartbeat timeout. */
        HEARTBEATING,
        /** It heartbeated, but not within the heartbeat timeout. */
        SILENT,
        /** No heartbeat heard since the control plane started (a v1 standby never sends one). */
        NOT_HEARD
    }

    /** @throws NullPointerException if a component is null */
    public HostStatus {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lastProbe, "lastProbe");
        Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(clockOffset, "clockOffset");
        Objects.requireNonNull(liveness, "liveness");
    }

    /** The health the last probe shows. */
    public Health health() {
        if (lastProbe.isEmpty()) {
            return Health.UNKNOWN;
        }
        ProbeResult result = lastProbe.get();
        if (result instanceof ProbeResult.Up) {
            return Health.UP;
        }
        return result instanceof ProbeResult.Down ? Health.DOWN : Health.UNREACHABLE;
    }

    /** What the last probe saw, in words; "not probed yet" if never. */
    public String probeDetail() {
        return lastProbe.map(HostStatus::detail).orElse("not probed yet");
    }

    /** When it last showed itself: its newest heartbeat or healthy probe, if either. */
    public Optional<Instant> lastSeen() {
        Optional<Instant> up = lastProbe.filter(p -> p instanceof ProbeResult.Up).map(ProbeResult::at);
        if (up.isEmpty() || lastHeartbeat.isEmpty()) {
            return up.isPresent() ? up : lastHeartbeat;
        }
        return Optional.of(up.get().isAfter(lastHeartbeat.get()) ? up.get() : lastHeartbeat.get());
    }

    private static String detail(ProbeResult result) {
        if (result instanceof ProbeResult.Up up) {
            return up.detail();
        }
        if (result instanceof ProbeResult.Down down) {
            return down.reason();
        }
        return ((ProbeResult.Unreachable) result).reason();
    }
}
