package io.piha.http.status;

import java.time.Duration;

/** Escaping and the few formats the page shares. */
final class Html {

    private Html() {
    }

    /** Escapes text for element content and quoted attribute values. */
    static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A duration as a person reads it: {@code 42 s}, {@code 3 min 5 s}, {@code 2 h 4 min}, {@code 3 d 1 h}. */
    static String age(Duration age) {
        if (age.isNegative()) {
            return "in " + age(age.negated());
        }
        long s = age.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }

    /** When something due at {@code at} happens, seen at {@code now}: {@code in 35 s} or {@code 5 s overdue}. */
    static String until(java.time.Instant now, java.time.Instant at) {
        Duration left = Duration.between(now, at);
        return left.isNegative() ? age(left.negated()) + " overdue" : "in " + age(left);
    }

    /** A clock offset as a signed number of seconds: {@code +0.25 s}, {@code -6.10 s}. */
    static String offset(Duration offset) {
        return String.format(java.util.Locale.ROOT, "%+.2f s", offset.toMillis() / 1000.0);
    }
}
