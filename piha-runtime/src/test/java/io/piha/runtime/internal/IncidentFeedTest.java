package io.piha.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.alert.Alert;
import io.piha.api.alert.Severity;
import io.piha.api.sync.IncidentKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IncidentFeedTest {

    private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void heartbeatLossProbeFailureAndAutomaticFailoverRestartTheSyncWindow() {
        assertThat(IncidentFeed.of(Alert.of(T, "heartbeat_missed", Severity.WARNING, "home-assistant", "x"), "nas"))
                .hasValueSatisfying(i -> assertThat(i.kind()).isEqualTo(IncidentKind.HEARTBEAT_MISSED));
        assertThat(IncidentFeed.of(Alert.of(T, "poe_reset", Severity.WARNING, "home-assistant", "x"), "nas"))
                .hasValueSatisfying(i -> assertThat(i.kind()).isEqualTo(IncidentKind.PROBE_FAILURE));
        assertThat(IncidentFeed.of(Alert.of(T, "leadership_changed", Severity.WARNING, "home-assistant", "x"), "nas"))
                .hasValueSatisfying(i -> {
                    assertThat(i.kind()).isEqualTo(IncidentKind.FAILOVER);
                    assertThat(i.at()).isEqualTo(T);
                    assertThat(i.source()).isEqualTo("nas");
                });
    }

    @Test
    void plannedChangesAndOtherAlertsAreNotIncidents() {
        assertThat(IncidentFeed.of(Alert.of(T, "leadership_changed", Severity.INFO, "home-assistant", "drill"), "nas")).isEmpty();
        assertThat(IncidentFeed.of(Alert.of(T, "host_recovered", Severity.INFO, "home-assistant", "x"), "nas")).isEmpty();
    }
}
