package io.piha.core.simulation;

import java.time.Duration;
import java.util.Objects;

/**
 * The simulated hardware and network of an {@link Estate}.
 *
 * @param heartbeatInterval how often a leader heartbeats (contract v1: 30 s)
 * @param probeLatency how long a probe or PoE report takes
 * @param powerCycleOffTime how long a cycled port stays off before the host boots
 * @param maxDeliveryDelay the bus delays each delivery by a random time up to this, which reorders
 * @param duplicateProbability the chance that a message is delivered twice
 * @param seed the random seed: same seed, same run
 * @since 0.1
 */
public record EstateSettings(Duration heartbeatInterval, Duration probeLatency, Duration powerCycleOffTime,
                             Duration maxDeliveryDelay, double duplicateProbability, long seed) {

    /** @throws IllegalArgumentException naming the setting if a value is out of range */
    public EstateSettings {
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(probeLatency, "probeLatency");
        Objects.requireNonNull(powerCycleOffTime, "powerCycleOffTime");
        Objects.requireNonNull(maxDeliveryDelay, "maxDeliveryDelay");
        if (heartbeatInterval.isZero() || heartbeatInterval.isNegative()) {
            throw new IllegalArgumentException("heartbeatInterval must be positive, was " + heartbeatInterval);
        }
        if (probeLatency.isNegative() || powerCycleOffTime.isNegative() || maxDeliveryDelay.isNegative()) {
            throw new IllegalArgumentException("latencies must not be negative");
        }
        if (duplicateProbability < 0 || duplicateProbability > 1) {
            throw new IllegalArgumentException("duplicateProbability must be in [0, 1], was " + duplicateProbability);
        }
    }

    /** Contract v1 cadence, a well-behaved network, a 5 s power-cycle. */
    public static EstateSettings ofDefaults() {
        return new EstateSettings(Duration.ofSeconds(30), Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ZERO, 0, 1);
    }

    /** A copy with a lossy-ordering network: random delays up to {@code maxDelay} and duplicates. */
    public EstateSettings withChaos(Duration maxDelay, double duplicates, long newSeed) {
        return new EstateSettings(heartbeatInterval, probeLatency, powerCycleOffTime, maxDelay, duplicates, newSeed);
    }
}
