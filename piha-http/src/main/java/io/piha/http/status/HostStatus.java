package io.piha.http.status;

import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.HostId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One host as the control plane sees it.
 *
 * @param host the host
 * @param role what it is in words, e.g. {@code primary of home-assistant}
 * @param lastProbe the newest probe result, if probed yet
 * @param lastSeen when it last showed itself (heartbeat or successful probe), if ever
 * @since 0.1
 */
public record HostStatus(HostId host, String role, Optional<ProbeResult> lastProbe, Optional<Instant> lastSeen) {

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

    /** @throws NullPointerException if a component is null */
    public HostStatus {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(lastProbe, "lastProbe");
        Objects.requireNonNull(lastSeen, "lastSeen");
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

    /** What the last probe saw, in words; empty if not probed yet. */
    public String probeDetail() {
        return lastProbe.map(HostStatus::detail).orElse("not probed yet");
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
