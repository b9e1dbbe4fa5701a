package io.piha.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that moves only when told to, for simulations and tests: every timeout becomes testable without
 * sleeping. Thread-safe.
 *
 * @since 0.1
 */
public final class ManualClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    /** A clock standing at {@code start}, in UTC. */
    public ManualClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private ManualClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Moves the clock forward.
     *
     * @throws IllegalArgumentException if {@code step} is negative
     */
    public synchronized Instant advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("a manual clock only moves forward; step was " + step);
        }
        now = now.plus(step);
        return now;
    }

    /** Sets the clock to any instant, backwards included (to test clock jumps). */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new ManualClock(now, newZone);
    }
}
