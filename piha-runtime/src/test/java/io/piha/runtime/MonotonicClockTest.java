package io.piha.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an agent's lease is measured by: it moves forward only, whatever the wall clock does after the start. */
class MonotonicClockTest {

    @Test
    void aWallClockSteppedBackDoesNotMoveTheMonotonicClockBack() throws Exception {
        ManualClock wall = new ManualClock(Instant.parse("2026-12-03T08:00:00Z"));
        MonotonicClock lease = MonotonicClock.anchoredTo(wall);
        Instant before = lease.instant();

        wall.set(wall.instant().minus(Duration.ofHours(1))); // NTP steps the wall clock back an hour
        Thread.sleep(20);
        Instant after = lease.instant();

        assertThat(after).isAfter(before);
        assertThat(Duration.between(before, after)).isBetween(Duration.ofMillis(20), Duration.ofSeconds(5));
    }

    @Test
    void itStartsAtTheWallClocksReadingAndKeepsItsZone() {
        ManualClock wall = new ManualClock(Instant.parse("2026-12-03T08:00:00Z"));

        MonotonicClock lease = MonotonicClock.anchoredTo(wall);

        assertThat(Duration.between(wall.instant(), lease.instant())).isBetween(Duration.ZERO, Duration.ofSeconds(5));
        assertThat(lease.getZone()).isEqualTo(wall.getZone());
    }
}
