package io.piha.mqtt.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.piha.api.sync.SyncFreeze;
import io.piha.mqtt.DecodeError.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The retained config-sync freeze flag, {@code <prefix>/<service>/sync_freeze} (the seed's
 * {@code standby_sync_freeze}). Reads the plain forms a person or a Home Assistant automation publishes
 * ({@code true}/{@code false}, {@code on}/{@code off}, {@code 1}/{@code 0}, {@code yes}/{@code no}, any case; empty
 * means cleared, i.e. thawed) and the SDK's JSON object {@code {"frozen": true, "reason": "...", "by": "...",
 * "since": "...", "until": "..."}}, every field optional, unknown fields ignored. A JSON freeze without
 * {@code since} received after its {@code until} is over (a retained flag outliving its end). Stateless.
 */
public final class FreezeFlagJson {

    /** The reason given to a bare {@code true} flag. */
    public static final String DEFAULT_REASON = "standby_sync_freeze flag set";
    /** Who set a flag that does not say. */
    public static final String DEFAULT_BY = "mqtt";

    private FreezeFlagJson() {
    }

    /** Reads a retained payload received at {@code now}; empty means thawed. */
    public static Optional<SyncFreeze> read(String payload, Instant now) {
        String text = payload.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!text.startsWith("{")) {
            return word(text) ? Optional.of(new SyncFreeze(DEFAULT_REASON, DEFAULT_BY, now, Optional.empty()))
                    : Optional.empty();
        }
        // the freeze's own times may lie anywhere in the future: no skew check on them
        JsonFields f = JsonFields.parse(text, now, Duration.ofDays(365_000));
        JsonNode frozen = f.node().get("frozen");
        if (frozen != null && !frozen.isNull() && !frozen.isBoolean()) {
            throw new Refusal(Kind.WRONG_TYPE, "frozen", frozen.toString(), "frozen must be true or false");
        }
        if (frozen != null && frozen.isBoolean() && !frozen.booleanValue()) {
            return Optional.empty();
        }
        Optional<Instant> since = f.optionalDeadline("since");
        Optional<Instant> until = f.optionalDeadline("until");
        if (since.isEmpty() && until.isPresent() && !until.get().isAfter(now)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SyncFreeze(f.optionalText("reason").filter(r -> !r.isBlank()).orElse(DEFAULT_REASON),
                    f.optionalText("by").filter(b -> !b.isBlank()).orElse(DEFAULT_BY), since.orElse(now), until));
        } catch (IllegalArgumentException e) {
            throw new Refusal(Kind.INVALID_VALUE, "until", until.map(Instant::toString).orElse(""), e.getMessage());
        }
    }

    /** The payload to retain for {@code freeze}, or {@code false} for thawed. */
    public static byte[] write(Optional<SyncFreeze> freeze) {
        if (freeze.isEmpty()) {
            return "false".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        SyncFreeze z = freeze.get();
        ObjectNode o = JsonFields.MAPPER.createObjectNode();
        o.put("frozen", true);
        o.put("reason", z.reason());
        o.put("by", z.by());
        o.put("since", z.since().toString());
        z.until().ifPresent(u -> o.put("until", u.toString()));
        return WireJson.bytes(o);
    }

    private static boolean word(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw new Refusal(Kind.INVALID_VALUE, "payload", text,
                    "a freeze flag is true/false, on/off, 1/0, yes/no or a JSON object");
        };
    }
}
