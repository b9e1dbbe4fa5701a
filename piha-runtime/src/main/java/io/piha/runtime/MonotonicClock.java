package io.piha.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A clock that only moves forward at the pace of {@link System#nanoTime()}, anchored once to another clock's reading:
 * what a lease is measured by. A wall clock stepped back by NTP (or by hand) would stretch a lease; this one cannot.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class MonotonicClock extends Clock {

    private final Instant anchor;
    private final long anchorNanos;
    private final ZoneId zone;

    private MonotonicClock(Instant anchor, long anchorNanos, ZoneId zone) {
        this.anchor = anchor;
        this.anchorNanos = anchorNanos;
        this.zone = zone;
    }

    /** A monotonic clock that reads {@code wall}'s time now and runs on from there by {@code System.nanoTime()}. */
    public static MonotonicClock anchoredTo(Clock wall) {
        Objects.requireNonNull(wall, "wall");
        return new MonotonicClock(wall.instant(), System.nanoTime(), wall.getZone());
    }

    @Override
    public Instant instant() {
        return anchor.plus(Duration.ofNanos(System.nanoTime() - anchorNanos));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MonotonicClock(anchor, anchorNanos, newZone);
    }
}
