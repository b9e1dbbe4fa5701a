package io.piha.poe.snmp;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.AuthenticationProtocol;

/**
 * The SNMPv3 (USM) authentication protocols the SNMP driver speaks: every one SNMP4J implements. The one
 * list of PiHA: configuration files write {@link #word()}, and {@link #parse(String)} reads it.
 *
 * @since 0.1
 */
public enum AuthProtocol {
    /** HMAC-MD5-96 (RFC 3414): old, still the only choice on some switches. */
    MD5("md5", AuthMD5::new),
    /** HMAC-SHA-96 (RFC 3414), often called SHA or SHA-1: what many home switches offer. */
    SHA1("sha", AuthSHA::new, "sha1"),
    /** HMAC-128-SHA-224 (RFC 7860). */
    SHA224("sha224", AuthHMAC128SHA224::new),
    /** HMAC-192-SHA-256 (RFC 7860). */
    SHA256("sha256", AuthHMAC192SHA256::new),
    /** HMAC-256-SHA-384 (RFC 7860). */
    SHA384("sha384", AuthHMAC256SHA384::new),
    /** HMAC-384-SHA-512 (RFC 7860). */
    SHA512("sha512", AuthHMAC384SHA512::new);

    private final String word;
    private final List<String> aliases;
    private final Supplier<AuthenticationProtocol> snmp4j;

    AuthProtocol(String word, Supplier<AuthenticationProtocol> snmp4j, String... aliases) {
        this.word = word;
        this.snmp4j = snmp4j;
        this.aliases = List.of(aliases);
    }

    /** The word configuration files use, e.g. {@code sha256}. */
    public String word() {
        return word;
    }

    /**
     * Reads a protocol as people write it: the {@link #word()}, an alias ({@code sha1}), in any case, with or
     * without dashes ({@code SHA-256}, as net-snmp and switch web pages write it).
     *
     * @throws IllegalArgumentException naming the text and every accepted word
     */
    public static AuthProtocol parse(String text) {
        String t = UsmWords.normalise(text);
        return Arrays.stream(values()).filter(p -> p.word.equals(t) || p.aliases.contains(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown SNMPv3 authentication protocol '" + text
                        + "': use one of " + words()));
    }

    /** Every accepted word, in declaration order. */
    public static List<String> words() {
        return Arrays.stream(values()).map(AuthProtocol::word).toList();
    }

    /** A new SNMP4J instance, registered explicitly by each session. */
    AuthenticationProtocol snmp4j() {
        return snmp4j.get();
    }

    @Override
    public String toString() {
        return word.toUpperCase(Locale.ROOT);
    }
}
