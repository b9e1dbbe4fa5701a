package io.piha.http.status;

import io.piha.api.recovery.GuardedPort;
import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertCodes;
import io.piha.api.alert.Severity;
import io.piha.api.audit.AuditEntry;
import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
                Epoch.of(3), "watching", true, Optional.of("frozen by operator: drill week"),
                Optional.of(NOW.minusSeconds(12)), Optional.empty());
        HostStatus primary = new HostStatus(HostId.of("haos-primary"), "home-assistant", "leader", Optional.of("v1"),
                Optional.of(new ProbeResult.Unreachable(NOW.minusSeconds(30), Duration.ofSeconds(5),
                        "10.0.0.5:4357 no answer within 5000 ms")), Optional.of(NOW.minusSeconds(125)),
                Optional.of(Epoch.of(7)), Optional.of(Duration.ofMillis(-6100)), HostStatus.Liveness.SILENT);
        HostStatus standby = new HostStatus(HostId.of("ha-standby"), "home-assistant", "standby", Optional.of("agent"),
                Optional.of(new ProbeResult.Up(NOW.minusSeconds(20), Duration.ofMillis(42), "HTTP 401 (process up, no token)")),
                Optional.of(NOW.minusSeconds(12)), Optional.empty(), Optional.of(Duration.ofMillis(250)),
                HostStatus.Liveness.HEARTBEATING);
        HostStatus zigbee = new HostStatus(HostId.of("zigbee-pi"), "node-red", "<script>alert('x')</script>",
                Optional.empty(), Optional.of(new ProbeResult.Down(NOW.minusSeconds(40), Duration.ofMillis(80),
                "HTTP 502 & \"bad\"")), Optional.empty(), Optional.empty(), Optional.empty(), HostStatus.Liveness.NOT_HEARD);
        HostStatus unprobed = new HostStatus(HostId.of("ha-standby"), "node-red", "leader", Optional.of("agent"),
                Optional.empty(), Optional.of(NOW.minusSeconds(12)), Optional.of(Epoch.of(3)), Optional.empty(),
                HostStatus.Liveness.HEARTBEATING);
        EventJournal journal = journal();
        return new StatusSnapshot(NOW, "home <lab>", List.of(homeAssistant, nodeRed), List.of(primary, standby, zigbee,
                unprobed), List.of(rack()), journal.events(), journal.routine(),
                Optional.of("standby branch 3 commits behind; next sync after the observation window (36 h)"),
                journal.counters().samples());
    }

    static SwitchStatus rack() {
        GuardedPort primary = new GuardedPort("haos-primary", false, Optional.of(NOW.minusSeconds(25)),
                Optional.of(NOW.plusSeconds(575)), Optional.empty(), 0, Optional.empty(), Optional.empty());
        GuardedPort standby = new GuardedPort("ha-standby", false, Optional.empty(), Optional.empty(),
                Optional.of(NOW.plusSeconds(3600)), 3, Optional.empty(), Optional.empty());
        GuardedPort zigbee = new GuardedPort("zigbee-pi", false, Optional.empty(), Optional.empty(),
                Optional.empty(), 0, Optional.of(GuardedPort.Off.HELD_OFF), Optional.of(NOW.minusSeconds(7200)));
        GuardedPort nas = new GuardedPort("nas", true, Optional.empty(), Optional.empty(), Optional.empty(),
                0, Optional.empty(), Optional.empty());
        return new SwitchStatus("rack-switch", List.of(primary, standby, zigbee, nas), 1, 4, Duration.ofHours(1),
                List.of(new RecentEvent(NOW.minusSeconds(25), Severity.INFO, "rack-switch/haos-primary",
                        "arbiter power_cycle accepted: haos-primary silent")));
    }

    /** A journal that saw a failover begin: 40 heartbeats, the missed one, the PoE reset, a freeze an hour ago. */
    static EventJournal journal() {
        EventJournal journal = new EventJournal(100, Set.of("haos-primary", "ha-standby", "zigbee-pi"), counters());
        for (int i = 40; i > 0; i--) {
            journal.record(entry(NOW.minusSeconds(125 + 3 * i), "observe_heartbeat", AuditEntry.Outcome.ROUTINE,
                    "heartbeat of haos-primary"));
        }
        journal.record(entry(NOW.minusSeconds(3600), "freeze", AuditEntry.Outcome.ACCEPTED, "frozen by operator: drill week"));
        Instant missed = NOW.minusSeconds(35);
        journal.record(entry(missed, "verify", AuditEntry.Outcome.ACCEPTED, "haos-primary silent for 90 s: probe it"));
        journal.send(Alert.of(missed, AlertCodes.HEARTBEAT_MISSED, Severity.WARNING, "home-assistant",
                "haos-primary missed its heartbeat for 90 s (epoch 7)"));
        Instant reset = NOW.minusSeconds(25);
        journal.send(Alert.of(reset, AlertCodes.POE_RESET, Severity.WARNING, "home-assistant",
                "power-cycling haos-primary on rack-switch port haos-primary"));
        journal.record(entry(reset, "power_cycle", AuditEntry.Outcome.ACCEPTED, "haos-primary probe unreachable"));
        return journal;
    }

    private static StatusCounters counters() {
        StatusCounters c = new StatusCounters();
        c.register(StatusCounters.FAILOVERS, "home-assistant");
        c.increment(StatusCounters.GRANTS, "home-assistant", "operator");
        c.increment(StatusCounters.POE_ACTIONS, "rack-switch", "power_cycle", "done");
        c.increment(StatusCounters.ALERTS, "heartbeat_missed", "warning");
        c.increment(StatusCounters.COMMANDS_REFUSED, "home-assistant", "promote");
        c.increment(StatusCounters.HEARTBEATS, "home-assistant", "haos-primary");
        return c;
    }

    static AuditEntry entry(Instant at, String action, AuditEntry.Outcome outcome, String reason) {
        return new AuditEntry(at, "nas", action, "home-assistant", outcome, reason, Map.of());
    }

    static StatusSnapshot empty() {
        return new StatusSnapshot(NOW, "home", List.of(), List.of(), List.of(), Optional.empty());
    }
}
