package io.piha.mqtt;

import io.piha.api.leadership.Availability;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.LeadershipMessage.AvailabilityChanged;
import io.piha.api.leadership.LeadershipMessage.SyncFreezeFlagged;
import io.piha.api.leadership.LeadershipMessage.CommandIssued;
import io.piha.api.leadership.LeadershipMessage.EventRecorded;
import io.piha.api.leadership.LeadershipMessage.HeartbeatPublished;
import io.piha.api.leadership.LeadershipMessage.LeaseGranted;
import io.piha.api.leadership.LeadershipMessage.StateChanged;
import io.piha.api.leadership.ServiceName;
import io.piha.mqtt.DecodeError.Kind;
import io.piha.mqtt.internal.Signer;
import io.piha.mqtt.internal.FreezeFlagJson;
import io.piha.mqtt.internal.Refusal;
import io.piha.mqtt.internal.WireJson;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Translates between {@link LeadershipMessage}s and MQTT publications, reading and writing contract v1
 * unchanged plus the SDK's additive fields. Pure and thread-safe: no I/O, no clock of its own (the caller
 * passes {@code now}), and every refusal is a typed {@link DecodeError} naming the field and value.
 *
 * <p>Command authenticity is checked here (signature, issue time within the replay window); remembering
 * which command ids were already executed is the bus's job, since it needs state.
 *
 * @since 0.1
 */
public final class LeadershipCodec {

    private final LeadershipTopics topics;
    private final int maxPayloadBytes;
    private final Duration heartbeatTimeout;
    private final Duration skew;
    private final Optional<Signer> signature;
    private final boolean signedRequired;
    private final Duration replayWindow;

    private LeadershipCodec(MqttBusConfig config) {
        topics = config.topics();
        maxPayloadBytes = config.maxPayloadBytes();
        heartbeatTimeout = config.heartbeatTimeout();
        skew = config.clockSkew();
        signature = config.signingKey().map(Signer::new);
        signedRequired = config.signedCommandsRequired();
        replayWindow = config.replayWindow();
    }

    /** A codec for the topics, limits and signing of this configuration. */
    public static LeadershipCodec of(MqttBusConfig config) {
        return new LeadershipCodec(config);
    }

    /** A codec for contract v1 with the default limits and no signing. */
    public static LeadershipCodec v1() {
        return new LeadershipCodec(MqttBusConfig.ofDefaults());
    }

    /** The topic layout this codec reads and writes. */
    public LeadershipTopics topics() {
        return topics;
    }

    /**
     * The publication for a message: state, heartbeat, lease and availability retained; heartbeats expire
     * after the heartbeat timeout; envelope commands signed when a key is configured.
     */
    public WireMessage encode(LeadershipMessage message) {
        ServiceName s = message.service();
        if (message instanceof StateChanged m) {
            return retained(topics.state(s), m.state().map(LeaderState::wire).orElse(""));
        } else if (message instanceof HeartbeatPublished m) {
            Optional<String> sig = m.heartbeat().id().flatMap(id -> signature.map(k -> k.sign(m.heartbeat())));
            return new WireMessage(topics.heartbeat(s), WireJson.heartbeat(m.heartbeat(), sig), true,
                    Optional.of(heartbeatTimeout));
        } else if (message instanceof CommandIssued m) {
            return new WireMessage(topics.command(s), commandPayload(m.command()), false, Optional.empty());
        } else if (message instanceof EventRecorded m) {
            return new WireMessage(topics.events(s), WireJson.event(m.event()), false, Optional.empty());
        } else if (message instanceof LeaseGranted m) {
            return new WireMessage(topics.lease(s), WireJson.lease(m.lease(), signature.map(k -> k.sign(m.lease()))), true,
                    Optional.empty());
        } else if (message instanceof SyncFreezeFlagged m) {
            return new WireMessage(topics.syncFreeze(s), FreezeFlagJson.write(m.freeze()), true, Optional.empty());
        }
        AvailabilityChanged m = (AvailabilityChanged) message;
        return retained(topics.availability(s, m.host()), m.availability().wire());
    }

    /**
     * Reads one inbound publication.
     *
     * @param topic the topic it arrived on
     * @param payload its bytes
     * @param retained whether the broker delivered it as a retained message
     * @param now the receiver's clock, for future timestamps, stale retained heartbeats and expiry
     */
    public DecodeResult decode(String topic, byte[] payload, boolean retained, Instant now) {
        String rest = topic.startsWith(topics.prefix() + "/") ? topic.substring(topics.prefix().length() + 1) : null;
        if (rest == null) {
            return new DecodeResult.Ignored(topic, "outside the prefix " + topics.prefix());
        }
        String[] levels = rest.split("/", -1);
        if (levels.length < 2) {
            return new DecodeResult.Ignored(topic, "not a service topic");
        }
        if (payload.length > maxPayloadBytes) {
            return refused(topic, Kind.TOO_LARGE, "payload", payload.length + " bytes",
                    "payload of " + payload.length + " bytes exceeds the limit of " + maxPayloadBytes);
        }
        try {
            ServiceName service = serviceOf(levels[0]);
            String text = utf8(payload);
            return decode(topic, service, levels, text, retained, now);
        } catch (Refusal r) {
            return new DecodeResult.Refused(r.toError(topic));
        }
    }

    private DecodeResult decode(String topic, ServiceName service, String[] levels, String text,
                                boolean retained, Instant now) {
        String leaf = levels[1];
        if (levels.length == 3 && leaf.equals("availability")) {
            return availability(topic, service, levels[2], text);
        }
        if (levels.length != 2) {
            return new DecodeResult.Ignored(topic, "not a topic of the leadership contract");
        }
        boolean empty = text.isBlank();
        return switch (leaf) {
            case "state" -> decoded(new StateChanged(service, state(text)));
            case "heartbeat" -> empty ? cleared(topic) : heartbeat(topic, service, text, retained, now);
            case "cmd" -> empty ? cleared(topic) : command(service, text, retained, now);
            case "events" -> empty ? cleared(topic) : decoded(new EventRecorded(service,
                    WireJson.readEvent(text, now, skew)));
            case "lease" -> empty ? cleared(topic) : decoded(new LeaseGranted(service, lease(text, now)));
            case "sync_freeze" -> decoded(new SyncFreezeFlagged(service, FreezeFlagJson.read(text, now)));
            default -> new DecodeResult.Ignored(topic, "not a topic of the leadership contract");
        };
    }

    /**
     * A heartbeat, retained or live, however old: whether it is too old to trust is the reader's decision (a stale
     * retained heartbeat at start is a missing leader, not nothing). An agent's signature is checked when a key is
     * configured; whether an unsigned one is acceptable is the arbiter's decision (v1 hosts cannot sign).
     */
    private DecodeResult heartbeat(String topic, ServiceName service, String text, boolean retained, Instant now) {
        WireJson.SignedHeartbeat read = WireJson.readHeartbeat(text, now, skew);
        Heartbeat hb = read.heartbeat();
        if (read.signature().isPresent() && signature.isPresent()) {
            if (!Signer.matches(signature.get().sign(hb), read.signature().get())) {
                throw new Refusal(Kind.BAD_SIGNATURE, "sig", "[not shown]", "signature of the heartbeat of " + hb.host()
                        + " does not match");
            }
            hb = hb.asAuthenticated();
        }
        return decoded(new HeartbeatPublished(service, hb));
    }

    /** A lease; only the arbiter writes one, so with signing required an unsigned lease is a forgery. */
    private Lease lease(String text, Instant now) {
        WireJson.SignedLease read = WireJson.readLease(text, now, skew);
        Lease lease = read.lease();
        if (read.signature().isEmpty()) {
            if (signedRequired) {
                throw new Refusal(Kind.UNSIGNED, "sig", "", "lease of " + lease.holder() + " at epoch " + lease.epoch()
                        + " carries no signature and signing is required");
            }
            return lease;
        }
        if (signature.isPresent() && !Signer.matches(signature.get().sign(lease), read.signature().get())) {
            throw new Refusal(Kind.BAD_SIGNATURE, "sig", "[not shown]", "signature of the lease of " + lease.holder()
                    + " at epoch " + lease.epoch() + " does not match");
        }
        return lease;
    }

    private DecodeResult command(ServiceName service, String text, boolean retained, Instant now) {
        if (retained) {
            throw new Refusal(Kind.INVALID_VALUE, "retain", text, "commands must not be retained: a retained "
                    + "command replays on every subscription; clear it with an empty retained publish");
        }
        if (!text.strip().startsWith("{")) {
            if (signedRequired) {
                throw new Refusal(Kind.UNSIGNED, "payload", text, "signed commands are required; "
                        + "plain-text commands are refused");
            }
            return decoded(new CommandIssued(service, Command.plain(verb("payload", text))));
        }
        var envelope = WireJson.readCommand(text, now, skew);
        Command command = envelope.command();
        authenticate(command, envelope.signature(), now);
        // Expiry is for the arbiter to judge against its own clock (operator commands); a reader's clock never
        // refuses the arbiter's word: order comes from epochs and ids.
        return decoded(new CommandIssued(service, command));
    }

    private void authenticate(Command command, Optional<String> sig, Instant now) {
        if (sig.isEmpty()) {
            if (signedRequired) {
                throw new Refusal(Kind.UNSIGNED, "sig", "", "command " + command.describe()
                        + " carries no signature and signed commands are required");
            }
            return;
        }
        if (signature.isEmpty()) {
            return; // no key here: a signed command is still a valid envelope
        }
        if (!signature.get().verify(command, sig.get())) {
            throw new Refusal(Kind.BAD_SIGNATURE, "sig", "[not shown]", "signature of command "
                    + command.describe() + " does not match");
        }
        Instant issued = command.issuedAt().orElseThrow(() -> new Refusal(Kind.MISSING_FIELD, "issued_at", "",
                "a signed command needs issued_at for the replay window"));
        if (Duration.between(issued, now).abs().compareTo(replayWindow) > 0) {
            throw new Refusal(Kind.REPLAYED, "issued_at", issued.toString(), "command " + command.describe()
                    + " was issued outside the replay window of " + replayWindow);
        }
    }

    /** The wire form of a command: the bare verb for v1, else signed JSON when a key is configured. */
    private byte[] commandPayload(Command command) {
        if (command.isPlain()) {
            return command.verb().wire().getBytes(StandardCharsets.UTF_8);
        }
        return WireJson.command(command, signature.map(s -> s.sign(command)));
    }

    private DecodeResult availability(String topic, ServiceName service, String host, String text) {
        HostId id;
        try {
            id = HostId.of(host);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Kind.INVALID_VALUE, "host", host, e.getMessage());
        }
        if (text.isBlank()) {
            return cleared(topic);
        }
        String t = text.strip();
        for (Availability a : Availability.values()) {
            if (a.wire().equalsIgnoreCase(t)) {
                return decoded(new AvailabilityChanged(service, id, a));
            }
        }
        throw new Refusal(Kind.INVALID_VALUE, "availability", text, "expected online or offline");
    }

    private static Optional<LeaderState> state(String text) {
        try {
            return LeaderState.fromWire(text);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Kind.INVALID_VALUE, "state", text, e.getMessage());
        }
    }

    private static CommandVerb verb(String field, String text) {
        try {
            return CommandVerb.fromWire(text);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Kind.INVALID_VALUE, field, text, e.getMessage());
        }
    }

    private static ServiceName serviceOf(String level) {
        try {
            return ServiceName.of(level);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Kind.INVALID_VALUE, "service", level, e.getMessage());
        }
    }

    private static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new Refusal(Kind.MALFORMED, "payload", payload.length + " bytes", "payload is not UTF-8");
        }
    }

    private static WireMessage retained(String topic, String text) {
        return new WireMessage(topic, text.getBytes(StandardCharsets.UTF_8), true, Optional.empty());
    }

    private static DecodeResult decoded(LeadershipMessage m) {
        return new DecodeResult.Decoded(m);
    }

    private static DecodeResult cleared(String topic) {
        return new DecodeResult.Ignored(topic, "empty payload: a retained message being cleared");
    }

    private static DecodeResult refused(String topic, Kind kind, String field, String value, String reason) {
        return new DecodeResult.Refused(new DecodeError(kind, topic, field, value, reason));
    }
}
