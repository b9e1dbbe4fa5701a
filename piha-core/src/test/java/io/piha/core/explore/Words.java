package io.piha.core.explore;

import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.Lease;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.explore.World.Host;
import io.piha.core.node.NodeInput;
import io.piha.core.node.NodeState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Short words for what is in flight and for a situation, for the timeline of a trace. */
final class Words {

    private Words() {
    }

    static String of(Object input) {
        if (input instanceof io.piha.api.leadership.LeadershipMessage m) {
            return NodeInput.of(m).map(Words::of).orElseGet(() -> ArbiterInput.of(m).map(Words::of).orElse(m.toString()));
        }
        if (input instanceof ArbiterInput.HeartbeatObserved h) {
            return heartbeat(h.heartbeat());
        } else if (input instanceof NodeInput.HeartbeatObserved h) {
            return heartbeat(h.heartbeat());
        } else if (input instanceof ArbiterInput.LeaseObserved l) {
            return lease(l.lease());
        } else if (input instanceof NodeInput.LeaseObserved l) {
            return lease(l.lease());
        } else if (input instanceof ArbiterInput.StateObserved s) {
            return state(s.state());
        } else if (input instanceof NodeInput.StateObserved s) {
            return state(s.state());
        } else if (input instanceof ArbiterInput.CommandObserved c) {
            return "command " + c.command().describe();
        } else if (input instanceof NodeInput.CommandReceived c) {
            return "command " + c.command().describe();
        } else if (input instanceof ArbiterInput.EventObserved e) {
            return event(e.event());
        } else if (input instanceof ArbiterInput.ProbeReported p) {
            return "probe report of " + p.host() + " (" + (p.result().isUp() ? "up" : "no answer") + ")";
        } else if (input instanceof ArbiterInput.PowerReported p) {
            return "power report of " + p.host() + " (" + p.action().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + (p.succeeded() ? "done" : "failed") + ")";
        }
        return String.valueOf(input);
    }

    private static String heartbeat(Heartbeat hb) {
        return "heartbeat " + hb.id().orElse("") + " of " + hb.host() + hb.epoch().map(e -> " at epoch " + e).orElse("");
    }

    private static String lease(Lease l) {
        return "lease of " + l.holder() + " at epoch " + l.epoch() + l.renews().map(id -> " renewing " + id + " for "
                + l.validFor().map(Duration::toSeconds).orElse(0L) + " s").orElse("");
    }

    private static String state(Optional<LeaderState> s) {
        return "state " + s.map(LeaderState::wire).orElse("(empty)");
    }

    private static String event(LeadershipEvent e) {
        return "event " + e.event() + " by " + e.actor() + e.epoch().map(x -> " at epoch " + x).orElse("");
    }

    /** The situation in one line: the arbiter, then each host. */
    static String situation(World w) {
        StringBuilder sb = new StringBuilder("state: control plane ").append(w.arbiter().phase().label())
                .append(", leader ").append(w.arbiter().leader().map(Object::toString).orElse("none"))
                .append(", epoch ").append(w.arbiter().epoch());
        if (w.arbiter().frozen()) {
            sb.append(", frozen");
        }
        for (Host h : w.hosts()) {
            sb.append(" | ").append(h.id()).append(' ').append(host(h, w.now()));
        }
        return sb.toString();
    }

    private static String host(Host h, Instant now) {
        if (!h.powered()) {
            return "off";
        }
        NodeState n = h.node();
        String role = n.role().name().toLowerCase(java.util.Locale.ROOT) + n.leadingAt().map(e -> "@" + e).orElse("");
        String lease = n.leaseUntil().map(u -> ", lease " + (now.isBefore(u) ? "until +" + Duration.between(now, u)
                .toMillis() + " ms" : "over")).orElse("");
        return (h.up() ? "" : "hung, ") + role + lease + (h.acts(now) ? ", ACTING" : "");
    }
}
