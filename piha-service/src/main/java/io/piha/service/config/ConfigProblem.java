package io.piha.service.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a configuration file, at a key path such as {@code hosts[0].poe.switch}.
 *
 * @param path the key path
 * @param message what is wrong and what would be right
 * @param value the offending value as written (after {@code ${ENV}} interpolation), {@code ******} for a
 *     secret, empty where there is no value (a missing key)
 * @since 0.1
 */
public record ConfigProblem(String path, String message, Optional<String> value) {

    private static final int MAX_VALUE_CHARS = 120;

    /** @throws NullPointerException if a component is null */
    public ConfigProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        value = Objects.requireNonNull(value, "value")
                .map(v -> v.length() > MAX_VALUE_CHARS ? v.substring(0, MAX_VALUE_CHARS) + "..." : v);
    }

    /** {@code key.path: message (value: ...)}. */
    @Override
    public String toString() {
        return path + ": " + message + value.map(v -> " (value: " + v + ")").orElse("");
    }
}
