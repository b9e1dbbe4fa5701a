package io.piha.mqtt.internal;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.Epoch;
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
 * HMAC-SHA256 over a canonical form of an envelope command, so that JSON formatting, field order and
 * timestamp offsets do not change the signature. Thread-safe: a new {@link Mac} per call.
 */
public final class CommandSignature {

    private static final String ALGORITHM = "HmacSHA256";
    private final Secret key;

    /** A signer with this key. */
    public CommandSignature(Secret key) {
        this.key = key;
    }

    /** The lower-case hex signature of the command. */
    public String sign(Command command) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            byte[] k = key.bytes();
            mac.init(new SecretKeySpec(k, ALGORITHM));
            java.util.Arrays.fill(k, (byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(canonical(command).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /** Whether {@code signature} is the command's signature, compared in constant time. */
    public boolean verify(Command command, String signature) {
        byte[] expected = sign(command).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** One field per line, in a fixed order; absent fields are empty lines. */
    static String canonical(Command c) {
        return String.join("\n", "piha-cmd-v1", c.verb().wire(), c.id().orElse(""),
                c.target().map(HostId::value).orElse(""), c.epoch().map(Epoch::toString).orElse(""),
                c.reason().orElse(""), c.actor().orElse(""), c.issuedAt().map(Instant::toString).orElse(""),
                c.expiresAt().map(Instant::toString).orElse(""));
    }
}
