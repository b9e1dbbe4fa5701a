package io.piha.sync.internal;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Tells a Home Assistant {@code secrets.yaml} holding real values from one holding placeholders only.
 *
 * <p>The rule: each {@code key: value} line is read on its own; a value is a placeholder when, after removing
 * quotes and a trailing comment, it is empty, {@code ~} or {@code null}, wrapped in angle brackets
 * ({@code <redacted>}, {@code <your api key>}), one of {@code changeme}, {@code change_me},
 * {@code change-me}, {@code redacted}, {@code placeholder}, {@code todo}, {@code secret} (any case), or made
 * only of {@code x}, {@code *} and {@code .} characters ({@code xxxx}, {@code ****}). Anything else, including
 * block scalars, nested or unparsable lines, counts as a real value: when in doubt, refuse.
 */
public final class SecretsFile {

    private static final Set<String> PLACEHOLDER_WORDS = Set.of(
            "changeme", "change_me", "change-me", "redacted", "placeholder", "todo", "secret");
    private static final Pattern FILLER = Pattern.compile("[xX*.]+");
    private static final Pattern KEY_LINE = Pattern.compile("([A-Za-z0-9_.\\-]+)\\s*:(.*)");

    private SecretsFile() {
    }

    /** The keys whose values look real, sorted; empty when every value is a placeholder. */
    public static Set<String> keysWithRealValues(String content) {
        Set<String> real = new TreeSet<>();
        String lastKey = "<start>";
        String[] lines = content.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equals("---")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                real.add(lastKey);
                continue;
            }
            var m = KEY_LINE.matcher(trimmed);
            if (!m.matches()) {
                real.add("<line " + (n + 1) + ">");
                continue;
            }
            lastKey = m.group(1);
            if (!isPlaceholder(m.group(2))) {
                real.add(lastKey);
            }
        }
        return real;
    }

    static boolean isPlaceholder(String raw) {
        String v = raw.strip();
        if (v.startsWith("\"") || v.startsWith("'")) {
            int end = v.indexOf(v.charAt(0), 1);
            if (end < 0) {
                return false;
            }
            String after = v.substring(end + 1).strip();
            if (!after.isEmpty() && !after.startsWith("#")) {
                return false;
            }
            v = v.substring(1, end).strip();
        } else {
            int comment = v.indexOf(" #");
            v = (comment >= 0 ? v.substring(0, comment) : v).strip();
        }
        if (v.isEmpty() || v.equals("~") || v.equalsIgnoreCase("null")) {
            return true;
        }
        if (v.startsWith("<") && v.endsWith(">")) {
            return true;
        }
        return PLACEHOLDER_WORDS.contains(v.toLowerCase(Locale.ROOT)) || FILLER.matcher(v).matches();
    }
}
