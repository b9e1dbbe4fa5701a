package io.piha.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.sync.Incident;
import io.piha.api.sync.IncidentKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIncidentLogTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aRestartedControlPlaneStillKnowsTheLastIncident() {
        Path file = dir.resolve("state/incidents-home-assistant.log");
        Incident failover = new Incident(IncidentKind.FAILOVER, T0, "nas", "ha-standby granted epoch 4 (heartbeat lost)");
        new FileIncidentLog(file, T0).record(failover);

        FileIncidentLog restarted = new FileIncidentLog(file, T0.plus(Duration.ofHours(3)));

        assertThat(restarted.latest(T0.plus(Duration.ofHours(3)))).contains(failover);
        assertThat(restarted.latest(T0.minusSeconds(1))).isEmpty();
    }

    @Test
    void incidentsOlderThanTheRetentionAreDroppedAndAnUnreadableLineIsSkipped() throws Exception {
        Path file = dir.resolve("incidents.log");
        FileIncidentLog log = new FileIncidentLog(file, T0);
        log.record(new Incident(IncidentKind.PROBE_FAILURE, T0, "nas", "old"));
        Files.writeString(file, Files.readString(file) + "garbage that is not an incident\n");
        Instant later = T0.plus(FileIncidentLog.RETENTION).plusSeconds(1);
        log = new FileIncidentLog(file, later);
        Incident recent = new Incident(IncidentKind.HEARTBEAT_MISSED, later, "control plane", "two words");
        log.record(recent);

        FileIncidentLog reread = new FileIncidentLog(file, later);

        assertThat(reread.latest(later)).hasValueSatisfying(i -> {
            assertThat(i.kind()).isEqualTo(IncidentKind.HEARTBEAT_MISSED);
            assertThat(i.detail()).isEqualTo("two words");
        });
        assertThat(reread.latest(later.minusSeconds(1))).isEmpty();
    }
}
