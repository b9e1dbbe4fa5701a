package io.piha.mqtt.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.Lease;
import io.piha.mqtt.DecodeError.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON shapes of heartbeat, event, lease and command envelope. Field names are those of contract v1
 * ({@code ts}, {@code host_id}, {@code uptime_s}, {@code version}, {@code event}, {@code actor},
 * {@code new_leader}, {@code reason}) plus the SDK's ({@code epoch}, {@code role}, {@code command_id},
 * the lease and the envelope).
 */
public final class WireJson {

    private static final Set<String> EVENT_FIELDS = Set.of("ts", "event", "actor", "new_leader", "reason", "epoch",
            "command_id");

    private WireJson() {
    }

    /**
     * A heartbeat; {@code role} is written with the epoch so that SDK readers see who claims what, {@code id} names
     * an agent's heartbeat for the lease renewal that answers it, {@code sig} signs it when a key is configured.
     */
    public static byte[] heartbeat(Heartbeat h, Optional<String> signature) {
        ObjectNode o = JsonFields.MAPPER.createObjectNode();
        o.put("ts", h.timestamp().toString());
        o.put("host_id", h.host().value());
        h.uptime().ifPresent(u -> o.put("uptime_s", u.toSeconds()));
        h.version().ifPresent(v -> o.put("version", v));
        h.epoch().ifPresent(e -> {
            o.put("epoch", e.value());
            o.put("role", "leader");
        });
        h.id().ifPresent(v -> o.put("id", v));
        signature.ifPresent(v -> o.put("sig", v));
        return bytes(o);
    }

    /** A heartbeat read from the wire, and the signature it carried. */
    public record SignedHeartbeat(Heartbeat heartbeat, Optional<String> signature) {
    }

    /** Reads a heartbeat; {@code role} and unknown fields are ignored. Its stamp is reported, never judged. */
    public static SignedHeartbeat readHeartbeat(String text, Instant now, Duration skew) {
        JsonFields f = JsonFields.parse(text, now, skew);
        return new SignedHeartbeat(new Heartbeat(f.host("host_id"), f.instant("ts"), f.optionalSeconds("uptime_s"),
                f.optionalText("version"), f.optionalEpoch("epoch"), f.optionalText("id"), false), f.optionalText("sig"));
    }

    /** An event; details are written as extra string fields, never overriding a known one. */
    public static byte[] event(LeadershipEvent e) {
        ObjectNode o = JsonFields.MAPPER.createObjectNode();
        o.put("ts", e.timestamp().toString());
        o.put("event", e.event());
        o.put("actor", e.actor());
        e.newLeader().ifPresent(h -> o.put("new_leader", h.value()));
        e.reason().ifPresent(r -> o.put("reason", r));
        e.epoch().ifPresent(x -> o.put("epoch", x.value()));
        e.commandId().ifPresent(id -> o.put("command_id", id));
        e.details().forEach((k, v) -> {
            if (!EVENT_FIELDS.contains(k)) {
                o.put(k, v);
            }
        });
        return bytes(o);
    }

    /** Reads an event; extra scalar fields become details, nested ones are ignored. */
    public static LeadershipEvent readEvent(String text, Instant now, Duration skew) {
        JsonFields f = JsonFields.parse(text, now, skew);
        String name = f.text("event");
        String actor = f.text("actor");
        Map<String, String> details = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = f.node().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!EVENT_FIELDS.contains(field.getKey()) && field.getValue().isValueNode()
                    && !field.getValue().isNull()) {
                details.put(field.getKey(), field.getValue().asText());
            }
        }
        try {
            return new LeadershipEvent(f.instant("ts"), name, actor, f.optionalHost("new_leader"),
                    f.optionalText("reason"), f.optionalEpoch("epoch"), f.optionalText("command_id"), details);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Kind.INVALID_VALUE, "event", name, e.getMessage());
        }
    }

    /** A lease: holder, epoch, since; a renewal adds its lifetime and the heartbeat it answers. */
    public static byte[] lease(Lease l, Optional<String> signature) {
        ObjectNode o = JsonFields.MAPPER.createObjectNode();
        o.put("holder", l.holder().value());
        o.put("epoch", l.epoch().value());
        o.put("since", l.since().toString());
        l.validFor().ifPresent(d -> o.put("valid_for_ms", d.toMillis()));
        l.renews().ifPresent(v -> o.put("renews", v));
        signature.ifPresent(v -> o.put("sig", v));
        return bytes(o);
    }

    /** A lease read from the wire, and the signature it carried. */
    public record SignedLease(Lease lease, Optional<String> signature) {
    }

    /** Reads a lease. Its {@code since} is the arbiter's clock, for people: never compared with the reader's. */
    public static SignedLease readLease(String text, Instant now, Duration skew) {
        JsonFields f = JsonFields.parse(text, now, skew);
        Optional<Duration> validFor = f.optionalMillis("valid_for_ms");
        try {
            return new SignedLease(new Lease(f.host("holder"), f.epoch("epoch"), f.instant("since"), validFor,
                    f.optionalText("renews")), f.optionalText("sig"));
        } catch (IllegalArgumentException e) {
            throw new Refusal(Kind.INVALID_VALUE, "valid_for_ms", validFor.map(d -> Long.toString(d.toMillis()))
                    .orElse(""), e.getMessage());
        }
    }

    /** A command envelope, with its signature when there is one. */
    public static byte[] command(Command c, Optional<String> signature) {
        ObjectNode o = JsonFields.MAPPER.createObjectNode();
        o.put("command", c.verb().wire());
        c.id().ifPresent(v -> o.put("id", v));
        c.target().ifPresent(v -> o.put("target", v.value()));
        c.epoch().ifPresent(v -> o.put("epoch", v.value()));
        c.reason().ifPresent(v -> o.put("reason", v));
        c.actor().ifPresent(v -> o.put("actor", v));
        c.issuedAt().ifPresent(v -> o.put("issued_at", v.toString()));
        c.expiresAt().ifPresent(v -> o.put("expires_at", v.toString()));
        c.confirmedOff().ifPresent(v -> o.put("confirmed_off", v.value()));
        signature.ifPresent(v -> o.put("sig", v));
        return bytes(o);
    }

    /** A command read from its envelope, and the signature it carried. */
    public record Envelope(Command command, Optional<String> signature) {
    }

    /** Reads a command envelope; {@code command} and {@code id} are required. */
    public static Envelope readCommand(String text, Instant now, Duration skew) {
        JsonFields f = JsonFields.parse(text, now, skew);
        String verbText = f.text("command");
        CommandVerb verb;
        try {
            verb = CommandVerb.fromWire(verbText);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Kind.INVALID_VALUE, "command", verbText, e.getMessage());
        }
        String id = f.text("id");
        Optional<HostId> target = f.optionalHost("target");
        try {
            Command c = new Command(verb, Optional.of(id), target, f.optionalEpoch("epoch"),
                    f.optionalText("reason"), f.optionalText("actor"), f.optionalDeadline("issued_at"),
                    f.optionalDeadline("expires_at"), f.optionalHost("confirmed_off"));
            return new Envelope(c, f.optionalText("sig"));
        } catch (IllegalArgumentException e) {
            throw new Refusal(Kind.INVALID_VALUE, "id", id, e.getMessage());
        }
    }

    static byte[] bytes(ObjectNode o) {
        try {
            return JsonFields.MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
