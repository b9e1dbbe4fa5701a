package io.piha.cli.drill;

import io.piha.api.recovery.GuardedPort;
import io.piha.api.alert.Severity;
import io.piha.api.leadership.HostId;
import io.piha.http.status.StatusSnapshot;
import io.piha.http.status.SwitchStatus;
import java.util.Optional;

/** What the drill checks on its status page, as an operator would read it. */
final class DrillStatusChecks {

    private DrillStatusChecks() {
    }

    /** Whether an event raised {@code code} and is shown at least as a warning. */
    static boolean warned(StatusSnapshot s, String code) {
        return s.recentEvents().stream().anyMatch(e -> e.codes().contains(code)
                && e.severity().compareTo(Severity.WARNING) >= 0);
    }

    /** Whether no heartbeat is listed one line each among the events. */
    static boolean noHeartbeatListed(StatusSnapshot s) {
        return s.recentEvents().stream().noneMatch(e -> e.text().contains("observe_heartbeat")
                || e.text().startsWith("heartbeat")) && heartbeats(s) > 0;
    }

    /** How many heartbeats the page counted. */
    static long heartbeats(StatusSnapshot s) {
        return s.routine().stream().filter(r -> r.kind().equals("heartbeat")).mapToLong(r -> r.count()).sum();
    }

    /** Whether the host's last heartbeat is shown (not "none"). */
    static boolean lastHeartbeatKept(StatusSnapshot s, HostId host) {
        return s.hosts().stream().anyMatch(h -> h.host().equals(host) && h.lastHeartbeat().isPresent());
    }

    /** Whether the port is shown held off. */
    static boolean heldOff(StatusSnapshot s, String port) {
        return s.switches().stream().flatMap(sw -> sw.ports().stream())
                .anyMatch(p -> p.label().equals(port) && p.off().equals(Optional.of(GuardedPort.Off.HELD_OFF)));
    }
}
