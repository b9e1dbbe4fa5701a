package io.piha.http.status;

import io.piha.api.alert.Severity;
import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Snapshots of a real-looking estate, in the middle of a failover. */
final class SampleStatus {

    static final Instant NOW = Instant.parse("2026-05-01T10:02:00Z");

    private SampleStatus() {
    }

    static StatusSnapshot failoverInProgress() {
        ServiceStatus homeAssistant = new ServiceStatus(ServiceName.HOME_ASSISTANT, Optional.of(HostId.of("haos-primary")),
                Epoch.of(7), "awaiting_recovery", false, Optional.of(NOW.minusSeconds(125)),
                Optional.of(new QueuedAction("confirm haos-primary is dead, then check ha-standby", NOW.plusSeconds(35))));
        ServiceStatus nodeRed = new ServiceStatus(ServiceName.of("node-red"), Optional.of(HostId.of("ha-standby")),
                Epoch.of(3), "watching", true, Optional.of(NOW.minusSeconds(12)), Optional.empty());
        HostStatus primary = new HostStatus(HostId.of("haos-primary"), "primary of home-assistant",
                Optional.of(new ProbeResult.Unreachable(NOW.minusSeconds(30), Duration.ofSeconds(5),
                        "10.0.0.5:4357 no answer within 5000 ms")), Optional.of(NOW.minusSeconds(125)));
        HostStatus standby = new HostStatus(HostId.of("ha-standby"), "standby of home-assistant",
                Optional.of(new ProbeResult.Up(NOW.minusSeconds(20), Duration.ofMillis(42), "HTTP 401 (process up, no token)")),
                Optional.of(NOW.minusSeconds(12)));
        HostStatus zigbee = new HostStatus(HostId.of("zigbee-pi"), "<script>alert('x')</script>",
                Optional.of(new ProbeResult.Down(NOW.minusSeconds(40), Duration.ofMillis(80), "HTTP 502 & \"bad\"")),
                Optional.empty());
        List<RecentEvent> events = List.of(
                new RecentEvent(NOW.minusSeconds(25), Severity.WARNING, "home-assistant",
                        "nas power_cycle accepted: switch-1 port 1.3 (haos-primary)"),
                new RecentEvent(NOW.minusSeconds(35), Severity.WARNING, "home-assistant",
                        "haos-primary missed its heartbeat for 90 s (epoch 7)"),
                new RecentEvent(NOW.minusSeconds(3600), Severity.INFO, "node-red", "nas freeze accepted: drill week"));
        return new StatusSnapshot(NOW, "home <lab>", List.of(homeAssistant, nodeRed), List.of(primary, standby, zigbee),
                events, Optional.of("standby branch 3 commits behind; next sync after the observation window (36 h)"));
    }

    static StatusSnapshot empty() {
        return new StatusSnapshot(NOW, "home", List.of(), List.of(), List.of(), Optional.empty());
    }
}
