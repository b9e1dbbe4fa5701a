package io.piha.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.mqtt.internal.ReplayGuard;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void anIdIsAcceptedOnceWithinTheWindowAndForgottenAfterIt() {
        ReplayGuard guard = new ReplayGuard(Duration.ofMinutes(2), 100);

        assertThat(guard.firstSighting("c-1", T0)).isTrue();
        assertThat(guard.firstSighting("c-1", T0.plusSeconds(119))).isFalse();
        assertThat(guard.firstSighting("c-1", T0.plusSeconds(121))).isTrue();
    }

    @Test
    void memoryIsBoundedByForgettingTheOldestIdsFirst() {
        ReplayGuard guard = new ReplayGuard(Duration.ofMinutes(2), 2);
        guard.firstSighting("a", T0);
        guard.firstSighting("b", T0);
        guard.firstSighting("c", T0);

        assertThat(guard.firstSighting("c", T0)).isFalse();
        assertThat(guard.firstSighting("a", T0)).isTrue();
    }
}
