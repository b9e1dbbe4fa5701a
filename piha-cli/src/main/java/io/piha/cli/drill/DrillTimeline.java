package io.piha.cli.drill;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertSink;
import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.RejectedMessage;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The drill's printed timeline: what the bus carries, what the simulated hosts and the PoE switch do, and
 * the control plane's alerts, each stamped with the wall-clock time since the drill started. Thread-safe.
 */
final class DrillTimeline implements LeadershipListener, AlertSink {

    private final PrintWriter out;
    private final long start = System.nanoTime();
    private final Set<String> heartbeatsSeen = new HashSet<>();
    private final List<Alert> alerts = new ArrayList<>();

    DrillTimeline(PrintWriter out) {
        this.out = out;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    synchronized void title(String text) {
        out.println();
        out.println("== " + text);
        out.flush();
    }

    synchronized void line(String who, String what) {
        long ms = elapsed().toMillis();
        out.printf("  %3d.%03d s  %-14s %s%n", ms / 1000, ms % 1000, who, what);
        out.flush();
    }

    synchronized void check(boolean ok, String what) {
        out.println("  " + (ok ? "[ok]  " : "[FAIL]") + " " + what);
        out.flush();
    }

    @Override
    public void onMessage(LeadershipMessage m) {
        if (m instanceof LeadershipMessage.HeartbeatPublished h) {
            String key = h.heartbeat().host() + "@" + h.heartbeat().epoch().map(Object::toString).orElse("v1");
            synchronized (this) {
                if (!heartbeatsSeen.add(key)) {
                    return;
                }
            }
            line("bus", "first heartbeat of " + h.heartbeat().host() + h.heartbeat().epoch().map(e -> " at epoch " + e)
                    .orElse(" (v1, no epoch)"));
        } else if (m instanceof LeadershipMessage.StateChanged s) {
            line("bus", "state = " + s.state().map(x -> x.wire()).orElse("(empty)"));
        } else if (m instanceof LeadershipMessage.LeaseGranted l && l.lease().renews().isPresent()) {
            String key = "renewal " + l.lease().holder() + "@" + l.lease().epoch();
            synchronized (this) {
                if (!heartbeatsSeen.add(key)) {
                    return;
                }
            }
            line("bus", "first lease renewal of " + l.lease().holder() + " at epoch " + l.lease().epoch() + ": it may act "
                    + "for " + l.lease().validFor().map(io.piha.api.Durations::format).orElse("?") + " from that heartbeat");
        } else if (m instanceof LeadershipMessage.LeaseGranted l) {
            line("bus", "lease: " + l.lease().holder() + " at epoch " + l.lease().epoch());
        } else if (m instanceof LeadershipMessage.CommandIssued c) {
            line("bus", "cmd " + c.command().describe() + c.command().reason().map(r -> " (" + r + ")").orElse(""));
        } else if (m instanceof LeadershipMessage.EventRecorded e && !"decision".equals(e.event().event())) {
            line("bus", "event " + e.event().event() + " by " + e.event().actor() + e.event().reason().map(r -> ": " + r).orElse(""));
        } else if (m instanceof LeadershipMessage.AvailabilityChanged a) {
            line("bus", a.host() + " is " + a.availability().wire());
        }
    }

    @Override
    public void onRejected(RejectedMessage r) {
        line("bus", "refused on " + r.topic() + ": " + r.reason());
    }

    @Override
    public void send(Alert alert) {
        synchronized (this) {
            alerts.add(alert);
        }
        line("alert", alert.severity() + " " + alert.code() + ": " + alert.message());
    }

    /** The alerts raised so far, oldest first. */
    synchronized List<Alert> alerts() {
        return List.copyOf(alerts);
    }
}
