package io.piha.api.leadership;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A leader's sign of life. Contract v1 requires {@code ts} and {@code host_id}; {@code uptime_s} and
 * {@code version} are optional, and the SDK adds {@code epoch}, which v1 readers ignore.
 *
 * <p>Timestamps are instants: a heartbeat published with a local offset compares by its UTC instant.
 *
 * @param host who is alive
 * @param timestamp when the leader published it (its own clock)
 * @param uptime the host's uptime, if published
 * @param version the Home Assistant version, if published
 * @param epoch the epoch the sender leads at; empty for a v1 publisher
 * @since 0.1
 */
public record Heartbeat(HostId host, Instant timestamp, Optional<Duration> uptime,
                        Optional<String> version, Optional<Epoch> epoch) {

    /**
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if the uptime is negative
     */
    public Heartbeat {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(uptime, "uptime");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(epoch, "epoch");
        uptime.ifPresent(u -> {
            if (u.isNegative()) {
                throw new IllegalArgumentException("uptime must not be negative, was " + u);
            }
        });
    }

    /** A v1 heartbeat: host and timestamp only. */
    public static Heartbeat of(HostId host, Instant timestamp) {
        return new Heartbeat(host, timestamp, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A heartbeat carrying the sender's epoch. */
    public static Heartbeat of(HostId host, Instant timestamp, Epoch epoch) {
        return new Heartbeat(host, timestamp, Optional.empty(), Optional.empty(), Optional.of(epoch));
    }

    /** Age of this heartbeat at {@code now}; negative if it claims to come from the future. */
    public Duration ageAt(Instant now) {
        return Duration.between(timestamp, now);
    }
}
