package io.piha.poe.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP Digest (RFC 7616, qop=auth) as Shelly Gen2 devices require it, with SHA-256 or MD5. */
final class DigestAuth {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");
    private final String user;
    private final java.util.function.Supplier<String> password;
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger counter = new AtomicInteger();

    DigestAuth(String user, java.util.function.Supplier<String> password) {
        this.user = user;
        this.password = password;
    }

    /** The {@code Authorization} header answering a {@code WWW-Authenticate: Digest ...} challenge. */
    String answer(String challenge, String method, String uri) {
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(challenge.replaceFirst("(?i)^\\s*Digest\\s+", ""));
        while (m.find()) {
            p.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String algorithm = p.getOrDefault("algorithm", "MD5");
        String realm = p.getOrDefault("realm", "");
        String nonce = p.getOrDefault("nonce", "");
        String nc = String.format("%08x", counter.incrementAndGet());
        byte[] nonceBytes = new byte[8];
        random.nextBytes(nonceBytes);
        String cnonce = HexFormat.of().formatHex(nonceBytes);
        String ha1 = hash(algorithm, user + ":" + realm + ":" + password.get());
        String ha2 = hash(algorithm, method + ":" + uri);
        String response = hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", algorithm=" + algorithm + ", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\", response=\""
                + response + "\"";
    }

    static String hash(String algorithm, String text) {
        String jdkName = algorithm.toUpperCase(java.util.Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jdkName)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jdkName, e);
        }
    }
}
