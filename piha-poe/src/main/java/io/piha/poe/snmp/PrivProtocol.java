package io.piha.poe.snmp;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.snmp4j.security.Priv3DES;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.PrivacyProtocol;
import org.snmp4j.security.nonstandard.PrivAES192With3DESKeyExtension;
import org.snmp4j.security.nonstandard.PrivAES256With3DESKeyExtension;

/**
 * The SNMPv3 (USM) privacy protocols the SNMP driver speaks: every one SNMP4J implements. The one list of
 * PiHA: configuration files write {@link #word()}, and {@link #parse(String)} reads it.
 *
 * <p>AES-192 and AES-256 have two key localisations in the field: Blumenthal's draft (net-snmp's
 * {@code AES-192}/{@code AES-256}, most switches) and Reeder's "3DES key extension" (Cisco; net-snmp's
 * {@code AES-192-C}/{@code AES-256-C}), here {@code aes192c}/{@code aes256c}. If one fails with decryption
 * errors, try the other.
 *
 * @since 0.1
 */
public enum PrivProtocol {
    /** CBC-DES (RFC 3414): broken, but some old switches offer nothing else. */
    DES("des", PrivDES::new),
    /** 3DES-EDE (draft-reeder-snmpv3-usm-3desede). */
    TRIPLE_DES("3des", Priv3DES::new, "tripledes"),
    /** CFB128-AES-128 (RFC 3826), often called AES. */
    AES128("aes128", PrivAES128::new, "aes"),
    /** AES-192 with Blumenthal key extension. */
    AES192("aes192", PrivAES192::new),
    /** AES-256 with Blumenthal key extension. */
    AES256("aes256", PrivAES256::new),
    /** AES-192 with Reeder's 3DES key extension (Cisco). */
    AES192_3DES_KEY("aes192c", PrivAES192With3DESKeyExtension::new),
    /** AES-256 with Reeder's 3DES key extension (Cisco). */
    AES256_3DES_KEY("aes256c", PrivAES256With3DESKeyExtension::new);

    private final String word;
    private final List<String> aliases;
    private final Supplier<PrivacyProtocol> snmp4j;

    PrivProtocol(String word, Supplier<PrivacyProtocol> snmp4j, String... aliases) {
        this.word = word;
        this.snmp4j = snmp4j;
        this.aliases = List.of(aliases);
    }

    /** The word configuration files use, e.g. {@code aes128}. */
    public String word() {
        return word;
    }

    /**
     * Reads a protocol as people write it: the {@link #word()}, an alias ({@code aes}), in any case, with or
     * without dashes ({@code AES-128}, {@code AES-256-C}).
     *
     * @throws IllegalArgumentException naming the text and every accepted word
     */
    public static PrivProtocol parse(String text) {
        String t = UsmWords.normalise(text);
        return Arrays.stream(values()).filter(p -> p.word.equals(t) || p.aliases.contains(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown SNMPv3 privacy protocol '" + text
                        + "': use one of " + words()));
    }

    /** Every accepted word, in declaration order. */
    public static List<String> words() {
        return Arrays.stream(values()).map(PrivProtocol::word).toList();
    }

    /** A new SNMP4J instance, registered explicitly by each session. */
    PrivacyProtocol snmp4j() {
        return snmp4j.get();
    }

    @Override
    public String toString() {
        return word.toUpperCase(Locale.ROOT);
    }
}
