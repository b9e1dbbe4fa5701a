package io.piha.service.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} with environment values; {@code $${} stays a literal
 * {@code ${}. A variable that is unset (and has no default) is reported, never left in place.
 */
final class Interpolation {

    private final Map<String, String> env;

    Interpolation(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * @param text the raw scalar
     * @param problem receives a message for each unset variable or unclosed reference
     * @return the interpolated text, or empty if a variable could not be resolved
     */
    Optional<String> apply(String text, Consumer<String> problem) {
        StringBuilder out = new StringBuilder(text.length());
        boolean ok = true;
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    problem.accept("unclosed ${ in '" + text + "'");
                    return Optional.empty();
                }
                Optional<String> value = resolve(text.substring(i + 2, end), problem);
                ok &= value.isPresent();
                value.ifPresent(out::append);
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return ok ? Optional.of(out.toString()) : Optional.empty();
    }

    private Optional<String> resolve(String reference, Consumer<String> problem) {
        int dash = reference.indexOf(":-");
        String name = dash < 0 ? reference : reference.substring(0, dash);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            problem.accept("'${" + reference + "}' does not name an environment variable");
            return Optional.empty();
        }
        String value = env.get(name);
        if (value != null && !value.isEmpty()) {
            return Optional.of(value);
        }
        if (dash >= 0) {
            return Optional.of(reference.substring(dash + 2));
        }
        problem.accept("environment variable " + name + " is not set");
        return Optional.empty();
    }
}
