package io.piha.mqtt.internal;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.HostId;
import io.piha.api.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over a canonical form of an envelope command, an agent's heartbeat or the arbiter's lease, so that
 * JSON formatting, field order and timestamp offsets do not change the signature. Thread-safe: a new {@link Mac}
 * per call.
 */
public final class Signer {

    private static final String ALGORITHM = "HmacSHA256";
    private final Secret key;

    /** A signer with this key. */
    public Signer(Secret key) {
        this.key = key;
    }

    /** The lower-case hex signature of the command. */
    public String sign(Command command) {
        return hmac(canonical(command));
    }

    /** The lower-case hex signature of an agent's heartbeat. */
    public String sign(Heartbeat h) {
        return hmac(String.join("\n", "piha-hb-v1", h.host().value(), h.timestamp().toString(),
                h.epoch().map(Epoch::toString).orElse(""), h.id().orElse("")));
    }

    /** The lower-case hex signature of a lease. */
    public String sign(Lease l) {
        return hmac(String.join("\n", "piha-lease-v1", l.holder().value(), l.epoch().toString(), l.since().toString(),
                l.validFor().map(d -> Long.toString(d.toMillis())).orElse(""), l.renews().orElse("")));
    }

    /** Whether {@code signature} is {@code expected}, compared in constant time. */
    public static boolean matches(String expected, String signature) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private String hmac(String canonical) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            byte[] k = key.bytes();
            mac.init(new SecretKeySpec(k, ALGORITHM));
            java.util.Arrays.fill(k, (byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /** Whether {@code signature} is the command's signature, compared in constant time. */
    public boolean verify(Command command, String signature) {
        return matches(sign(command), signature);
    }

    /** One field per line, in a fixed order; absent fields are empty lines. */
    static String canonical(Command c) {
        return String.join("\n", "piha-cmd-v2", c.verb().wire(), c.id().orElse(""),
                c.target().map(HostId::value).orElse(""), c.epoch().map(Epoch::toString).orElse(""),
                c.reason().orElse(""), c.actor().orElse(""), c.issuedAt().map(Instant::toString).orElse(""),
                c.expiresAt().map(Instant::toString).orElse(""), c.confirmedOff().map(HostId::value).orElse(""));
    }
}
