package io.piha.api.leadership;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A leadership command. A v1 command is the bare verb ({@link #plain(CommandVerb)}); the SDK's envelope
 * adds an id, a target host, the epoch it grants or is valid for, a reason, the issuing actor and
 * issue/expiry times, so that a stale or misdirected command can be refused.
 *
 * @param verb what is asked
 * @param id unique id of the command, used to acknowledge it and to refuse replays
 * @param target the host the command is for; empty means "whoever it concerns" (v1)
 * @param epoch for {@code promote}: the epoch granted; for other verbs: the epoch the issuer knows
 * @param reason why, e.g. {@code heartbeat_timeout} or {@code drill}
 * @param actor who issued it, e.g. {@code nas} or an operator name
 * @param issuedAt when it was issued
 * @param expiresAt after this instant the command must not be executed
 * @param confirmedOff for an operator's {@code promote}: the host the operator confirms is off (unplugged or
 *     switched off at its socket), standing in for a fence the control plane could not do itself
 * @since 0.1
 */
public record Command(CommandVerb verb, Optional<String> id, Optional<HostId> target,
                      Optional<Epoch> epoch, Optional<String> reason, Optional<String> actor,
                      Optional<Instant> issuedAt, Optional<Instant> expiresAt, Optional<HostId> confirmedOff) {

    /**
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if the id is blank or the command expires before it is issued
     */
    public Command {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(confirmedOff, "confirmedOff");
        id.ifPresent(i -> {
            if (i.isBlank() || i.length() > 128) {
                throw new IllegalArgumentException("command id must be 1-128 characters, was '" + i + "'");
            }
        });
        if (issuedAt.isPresent() && expiresAt.isPresent() && expiresAt.get().isBefore(issuedAt.get())) {
            throw new IllegalArgumentException("command " + id.orElse(verb.wire()) + " expires at "
                    + expiresAt.get() + ", before it is issued at " + issuedAt.get());
        }
    }

    /** A v1 command: the bare verb, as {@code mosquitto_pub -m promote} sends it. */
    public static Command plain(CommandVerb verb) {
        return new Command(verb, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Starts an envelope command with the given verb and id. */
    public static Builder envelope(CommandVerb verb, String id) {
        return new Builder(verb, id);
    }

    /** Whether this is a bare v1 command without any envelope field. */
    public boolean isPlain() {
        return id.isEmpty() && target.isEmpty() && epoch.isEmpty() && reason.isEmpty() && actor.isEmpty()
                && issuedAt.isEmpty() && expiresAt.isEmpty() && confirmedOff.isEmpty();
    }

    /** Whether the command is addressed to {@code host}, or to no host in particular. */
    public boolean concerns(HostId host) {
        return target.map(host::equals).orElse(true);
    }

    /** Whether the command has expired at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt.map(now::isAfter).orElse(false);
    }

    /** A copy addressed to no host in particular. */
    public Command withoutTarget() {
        return new Command(verb, id, Optional.empty(), epoch, reason, actor, issuedAt, expiresAt, confirmedOff);
    }

    /** A short description for logs and audit, e.g. {@code promote#c-17->haos-standby@4}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(verb.wire());
        id.ifPresent(i -> sb.append('#').append(i));
        target.ifPresent(t -> sb.append("->").append(t));
        epoch.ifPresent(e -> sb.append('@').append(e));
        return sb.toString();
    }

    /** Builds an envelope command. Not thread-safe. */
    public static final class Builder {
        private final CommandVerb verb;
        private final String id;
        private HostId target;
        private Epoch epoch;
        private String reason;
        private String actor;
        private Instant issuedAt;
        private Instant expiresAt;
        private HostId confirmedOff;

        private Builder(CommandVerb verb, String id) {
            this.verb = Objects.requireNonNull(verb, "verb");
            this.id = Objects.requireNonNull(id, "id");
        }

        /** The host the command is for. */
        public Builder target(HostId target) {
            this.target = target;
            return this;
        }

        /** The epoch granted (promote) or known (other verbs). */
        public Builder epoch(Epoch epoch) {
            this.epoch = epoch;
            return this;
        }

        /** Why the command is issued. */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /** Who issues it. */
        public Builder actor(String actor) {
            this.actor = actor;
            return this;
        }

        /** When it is issued and until when it may be executed. */
        public Builder validBetween(Instant issuedAt, Instant expiresAt) {
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
            return this;
        }

        /** For a promote: the operator confirms {@code host} is off, standing in for a fence. */
        public Builder confirmedOff(HostId host) {
            this.confirmedOff = host;
            return this;
        }

        /** Builds the command; see the record constructor for validation. */
        public Command build() {
            return new Command(verb, Optional.of(id), Optional.ofNullable(target), Optional.ofNullable(epoch),
                    Optional.ofNullable(reason), Optional.ofNullable(actor), Optional.ofNullable(issuedAt),
                    Optional.ofNullable(expiresAt), Optional.ofNullable(confirmedOff));
        }
    }
}
