package io.piha.core.arbiter;

import io.piha.api.alert.Alert;
import io.piha.api.alert.Severity;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.LeadershipMessage;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The messages the arbiter sends, worded once: events, alerts and commands. */
final class Announcements {

    private final ArbiterPolicy policy;
    private final Instant now;

    Announcements(ArbiterPolicy policy, Instant now) {
        this.policy = policy;
        this.now = now;
    }

    /** The time these announcements are made at. */
    Instant now() {
        return now;
    }

    ArbiterEffect event(String name, String reason) {
        return event(name, reason, Optional.empty());
    }

    /** An event that acknowledges an operator's command by its id. */
    ArbiterEffect event(String name, String reason, Optional<String> acknowledges) {
        LeadershipEvent e = LeadershipEvent.of(now, name, policy.actor()).withReason(reason).acknowledging(acknowledges);
        return new ArbiterEffect.Publish(new LeadershipMessage.EventRecorded(policy.service(), e));
    }

    ArbiterEffect event(String name, String reason, HostId newLeader, Epoch epoch, Optional<String> acknowledges) {
        LeadershipEvent e = LeadershipEvent.of(now, name, policy.actor()).withReason(reason)
                .withNewLeader(newLeader).withEpoch(epoch).acknowledging(acknowledges);
        return new ArbiterEffect.Publish(new LeadershipMessage.EventRecorded(policy.service(), e));
    }

    ArbiterEffect alert(String code, Severity severity, String message, Map<String, String> details) {
        return new ArbiterEffect.RaiseAlert(new Alert(now, code, severity, policy.service().value(), message, details));
    }

    ArbiterEffect alert(String code, Severity severity, String message) {
        return alert(code, severity, message, Map.of());
    }

    Command command(CommandVerb verb, long seq, HostId target, Epoch epoch, String reason) {
        String id = policy.service().value() + "-" + policy.actor() + "-" + seq;
        return Command.envelope(verb, id).target(target).epoch(epoch).reason(reason).actor(policy.actor())
                .validBetween(now, now.plus(policy.commandTtl())).build();
    }

    /** A duration for people ({@link io.piha.api.Durations#format}). */
    static String human(java.time.Duration d) {
        return io.piha.api.Durations.format(d);
    }

    ArbiterEffect publish(Command command) {
        return new ArbiterEffect.Publish(new LeadershipMessage.CommandIssued(policy.service(), command));
    }

    ArbiterEffect publish(LeadershipMessage message) {
        return new ArbiterEffect.Publish(message);
    }

    /** The retained state of the service, or empty (cleared: "no leader"). */
    ArbiterEffect state(Optional<io.piha.api.leadership.LeaderState> state) {
        return new ArbiterEffect.Publish(new LeadershipMessage.StateChanged(policy.service(), state));
    }
}
