package io.piha.api.leadership;

import io.piha.api.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * The timings every participant of one leadership contract must agree on: how often the leader heartbeats, after
 * how long without one it counts as missing, and how far apart two clocks may be. One value, built once from the
 * configuration and handed to the MQTT codec, the arbiter and the agent, so they never disagree. Immutable.
 *
 * @param heartbeatInterval how often the leader heartbeats (contract v1: 30 s)
 * @param heartbeatTimeout silence after which the leader is missing, and the age after which a retained heartbeat
 *     is too old to trust (contract v1: 90 s); longer than the interval
 * @param maxClockSkew the bound on the difference between two participants' clocks (default 30 s)
 * @since 0.1
 */
public record ContractTimings(Duration heartbeatInterval, Duration heartbeatTimeout, Duration maxClockSkew) {

    /** Contract v1: a heartbeat every 30 s. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(30);
    /** Contract v1: the leader is missing after 90 s without a heartbeat. */
    public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(90);
    /** Default bound on clock differences. */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofSeconds(30);
    /** The defaults of contract v1. */
    public static final ContractTimings DEFAULTS = new ContractTimings(DEFAULT_HEARTBEAT_INTERVAL,
            DEFAULT_HEARTBEAT_TIMEOUT, DEFAULT_MAX_CLOCK_SKEW);

    /**
     * @throws IllegalArgumentException naming the setting if a duration is not positive, or the timeout is not
     *     longer than the interval
     */
    public ContractTimings {
        positive("heartbeat_interval", heartbeatInterval);
        positive("heartbeat_timeout", heartbeatTimeout);
        positive("max_clock_skew", maxClockSkew);
        if (heartbeatTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("heartbeat_timeout (" + Durations.format(heartbeatTimeout)
                    + ") must be longer than heartbeat_interval (" + Durations.format(heartbeatInterval)
                    + "), or every heartbeat is late");
        }
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + Durations.format(d));
        }
    }

    /** These timings with another heartbeat interval. */
    public ContractTimings withHeartbeatInterval(Duration d) {
        return new ContractTimings(d, heartbeatTimeout, maxClockSkew);
    }

    /** These timings with another heartbeat timeout. */
    public ContractTimings withHeartbeatTimeout(Duration d) {
        return new ContractTimings(heartbeatInterval, d, maxClockSkew);
    }

    /** These timings with another clock-skew bound. */
    public ContractTimings withMaxClockSkew(Duration d) {
        return new ContractTimings(heartbeatInterval, heartbeatTimeout, d);
    }
}
