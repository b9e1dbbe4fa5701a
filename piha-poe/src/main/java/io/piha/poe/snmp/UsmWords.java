package io.piha.poe.snmp;

import java.util.Locale;
import org.snmp4j.security.SecurityProtocols;

/** Spelling and registration shared by the two protocol lists. */
final class UsmWords {

    private UsmWords() {
    }

    /** {@code SHA-256}, {@code sha_256} and {@code sha256} are one word. */
    static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /**
     * A protocol registry of its own for one session, with every protocol of both lists added explicitly:
     * SNMP4J's defaults ({@code addDefaultProtocols()}) lack MD5, SHA-1 and 3DES, and the global instance is
     * shared with anything else in the JVM.
     */
    static SecurityProtocols registry() {
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
        for (AuthProtocol auth : AuthProtocol.values()) {
            protocols.addAuthenticationProtocol(auth.snmp4j());
        }
        for (PrivProtocol priv : PrivProtocol.values()) {
            protocols.addPrivacyProtocol(priv.snmp4j());
        }
        return protocols;
    }
}
