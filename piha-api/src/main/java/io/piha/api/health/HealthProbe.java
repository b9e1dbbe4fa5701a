package io.piha.api.health;

/**
 * Checks one thing once, e.g. a Home Assistant supervisor ping or a TCP connect. Implementations must
 * not throw for expected failures (refused, timed out, wrong answer): they return
 * {@link ProbeResult.Down} or {@link ProbeResult.Unreachable}. Thread-safe.
 *
 * @since 0.1
 */
public interface HealthProbe {

    /** What is probed, for logs and alerts, e.g. {@code haos-primary supervisor ping}. */
    String describe();

    /** Runs the check once, within the probe's configured timeout. */
    ProbeResult probe();
}
