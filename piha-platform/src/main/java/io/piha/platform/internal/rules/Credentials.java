package io.piha.platform.internal.rules;

import io.piha.platform.internal.yaml.YamlScalar;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a credential looks like in YAML: a key named like one with a literal value, or a URL with a password. */
final class Credentials {

    private static final List<String> SUFFIXES = List.of("password", "passwd", "passphrase", "apikey", "token",
            "secretaccesskey", "privatekey", "clientsecret", "apisecret");
    private static final Set<String> EXACT = Set.of("secret", "pass", "pwd");
    private static final Pattern URL_PASSWORD = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]+:([^@\\s/]+)@");

    private Credentials() {
    }

    /** Whether a key or variable name names a credential ({@code GF_SECURITY_ADMIN_PASSWORD}, {@code apiToken}). */
    static boolean isCredentialKey(String key) {
        String n = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (n.startsWith("existing")) {
            return false;
        }
        return EXACT.contains(n) || SUFFIXES.stream().anyMatch(n::endsWith);
    }

    /** Whether a scalar is a literal value rather than a reference ({@code !secret}, {@code ${VAR}}, empty). */
    static boolean isLiteral(YamlScalar s) {
        if (s.tag().isPresent() || s.kind() == YamlScalar.Kind.NULL || s.kind() == YamlScalar.Kind.BOOLEAN) {
            return false;
        }
        String t = s.text().strip();
        return !t.isEmpty() && !t.startsWith("${") && !t.startsWith("$(") && !t.startsWith("{{")
                && !t.startsWith("!secret");
    }

    /** Whether a text holds a URL with a literal password ({@code postgresql://ha:hunter2@db/ha}). */
    static boolean hasUrlPassword(String text) {
        var m = URL_PASSWORD.matcher(text);
        while (m.find()) {
            String password = m.group(1);
            if (!password.startsWith("${") && !password.startsWith("$(") && !password.startsWith("{{")) {
                return true;
            }
        }
        return false;
    }
}
