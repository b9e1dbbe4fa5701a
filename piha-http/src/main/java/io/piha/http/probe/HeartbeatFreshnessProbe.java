package io.piha.http.probe;

import io.piha.api.health.HealthProbe;
import io.piha.api.health.ProbeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether a host's MQTT heartbeat is fresh: up when the newest heartbeat is younger than the maximum age.
 * Reads the time of the last heartbeat from whoever subscribes to the heartbeat topic; sends nothing
 * itself. Thread-safe if the supplier is.
 *
 * @since 0.1
 */
public final class HeartbeatFreshnessProbe implements HealthProbe {

    private final String description;
    private final Supplier<Optional<Instant>> lastHeartbeat;
    private final Duration maxAge;
    private final Clock clock;

    /**
     * @param description what is probed, e.g. {@code haos-primary heartbeat}
     * @param lastHeartbeat the time of the newest heartbeat seen, empty if none yet
     * @param maxAge the age from which a heartbeat is stale; positive
     * @param clock the clock the age is measured with
     * @throws IllegalArgumentException if the maximum age is not positive
     */
    public HeartbeatFreshnessProbe(String description, Supplier<Optional<Instant>> lastHeartbeat, Duration maxAge,
                                   Clock clock) {
        this.description = Objects.requireNonNull(description, "description");
        this.lastHeartbeat = Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxAge.isZero() || maxAge.isNegative()) {
            throw new IllegalArgumentException("maximum heartbeat age must be positive, was " + maxAge);
        }
    }

    @Override
    public String describe() {
        return description + " (heartbeat younger than " + maxAge.toSeconds() + " s)";
    }

    @Override
    public ProbeResult probe() {
        Instant now = clock.instant();
        Optional<Instant> last = lastHeartbeat.get();
        if (last.isEmpty()) {
            return new ProbeResult.Down(now, Duration.ZERO, "no heartbeat seen yet");
        }
        Duration age = Duration.between(last.get(), now);
        if (age.isNegative()) {
            return new ProbeResult.Up(now, Duration.ZERO, "heartbeat " + age.negated().toSeconds()
                    + " s in the future (clock skew)");
        }
        return age.compareTo(maxAge) < 0
                ? new ProbeResult.Up(now, Duration.ZERO, "heartbeat " + age.toSeconds() + " s old")
                : new ProbeResult.Down(now, Duration.ZERO, "heartbeat " + age.toSeconds() + " s old, limit "
                        + maxAge.toSeconds() + " s");
    }
}
