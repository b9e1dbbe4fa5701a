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
 * @param id the sender's id of this heartbeat (SDK agents), which the arbiter's lease renewal names; empty for v1
 *     and package publishers
 * @param authenticated whether its signature was verified (SDK agents, when a signing key is configured)
 * @since 0.1
 */
public record Heartbeat(HostId host, Instant timestamp, Optional<Duration> uptime,
                        Optional<String> version, Optional<Epoch> epoch, Optional<String> id, boolean authenticated) {

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
        Objects.requireNonNull(id, "id");
        uptime.ifPresent(u -> {
            if (u.isNegative()) {
                throw new IllegalArgumentException("uptime must not be negative, was " + u);
            }
        });
    }

    /** A v1 heartbeat: host and timestamp only. */
    public static Heartbeat of(HostId host, Instant timestamp) {
        return new Heartbeat(host, timestamp, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false);
    }

    /** A heartbeat carrying the sender's epoch. */
    public static Heartbeat of(HostId host, Instant timestamp, Epoch epoch) {
        return new Heartbeat(host, timestamp, Optional.empty(), Optional.empty(), Optional.of(epoch), Optional.empty(),
                false);
    }

    /** An agent's heartbeat: its epoch and the id the arbiter's lease renewal will name. */
    public static Heartbeat of(HostId host, Instant timestamp, Epoch epoch, String id) {
        return new Heartbeat(host, timestamp, Optional.empty(), Optional.empty(), Optional.of(epoch), Optional.of(id),
                false);
    }

    /** This heartbeat, marked as carrying a verified signature (for the codec). */
    public Heartbeat asAuthenticated() {
        return new Heartbeat(host, timestamp, uptime, version, epoch, id, true);
    }

    /** Age of this heartbeat at {@code now}; negative if it claims to come from the future. */
    public Duration ageAt(Instant now) {
        return Duration.between(timestamp, now);
    }
}
