package io.piha.api.leadership;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of the append-only leadership history on {@code piha/leader/<service>/events}. Command
 * consumers acknowledge a command by publishing an event that carries the command's id.
 *
 * @param timestamp when it happened
 * @param event what happened, e.g. {@code promoted}, {@code demoted}, {@code frozen}, {@code thawed},
 *     {@code heartbeat_missed} (see {@link #PROMOTED} and friends); other values are kept as they are
 * @param actor who acted, e.g. {@code nas} or a host id
 * @param newLeader the new leader, for events that change it
 * @param reason why, e.g. {@code heartbeat_timeout}
 * @param epoch the epoch the event belongs to (SDK extension)
 * @param commandId the command this event acknowledges (SDK extension)
 * @param details further string fields, kept for forward compatibility
 * @since 0.1
 */
public record LeadershipEvent(Instant timestamp, String event, String actor, Optional<HostId> newLeader,
                              Optional<String> reason, Optional<Epoch> epoch, Optional<String> commandId,
                              Map<String, String> details) {

    /** A host took leadership. */
    public static final String PROMOTED = "promoted";
    /** A host gave leadership up. */
    public static final String DEMOTED = "demoted";
    /** Automatic promotion and config sync were stopped. */
    public static final String FROZEN = "frozen";
    /** Normal observation resumed. */
    public static final String THAWED = "thawed";
    /** The leader's heartbeat was not seen within the timeout. */
    public static final String HEARTBEAT_MISSED = "heartbeat_missed";
    /** A command was refused; {@code reason} says why. */
    public static final String REJECTED = "rejected";

    private static final Pattern EVENT_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /**
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if {@code event} is not a lower-case identifier or the actor is blank
     */
    public LeadershipEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(newLeader, "newLeader");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(commandId, "commandId");
        if (!EVENT_NAME.matcher(event).matches()) {
            throw new IllegalArgumentException("invalid event name '" + event
                    + "': use a lower-case identifier such as promoted or heartbeat_missed");
        }
        if (actor.isBlank()) {
            throw new IllegalArgumentException("event '" + event + "' needs a non-blank actor");
        }
        details = Map.copyOf(Objects.requireNonNull(details, "details"));
    }

    /** An event with the required fields only. */
    public static LeadershipEvent of(Instant timestamp, String event, String actor) {
        return new LeadershipEvent(timestamp, event, actor, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of());
    }

    /** A copy naming the new leader. */
    public LeadershipEvent withNewLeader(HostId host) {
        return new LeadershipEvent(timestamp, event, actor, Optional.of(host), reason, epoch, commandId, details);
    }

    /** A copy with a reason. */
    public LeadershipEvent withReason(String why) {
        return new LeadershipEvent(timestamp, event, actor, newLeader, Optional.of(why), epoch, commandId, details);
    }

    /** A copy with an epoch. */
    public LeadershipEvent withEpoch(Epoch e) {
        return new LeadershipEvent(timestamp, event, actor, newLeader, reason, Optional.of(e), commandId, details);
    }

    /** A copy acknowledging the command with this id; empty leaves it unset. */
    public LeadershipEvent acknowledging(Optional<String> id) {
        return new LeadershipEvent(timestamp, event, actor, newLeader, reason, epoch, id, details);
    }
}
