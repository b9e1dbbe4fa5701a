package io.piha.api.leadership;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a service whose leadership is arbitrated, e.g. {@code home-assistant} or {@code node-red}.
 *
 * <p>It becomes one MQTT topic level, so it is restricted to lower-case letters, digits, {@code -} and
 * {@code _}.
 *
 * @param value the name, 1 to 64 characters
 * @since 0.1
 */
public record ServiceName(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** The service of the first deployments. */
    public static final ServiceName HOME_ASSISTANT = new ServiceName("home-assistant");

    /**
     * @throws IllegalArgumentException if {@code value} is not a valid service name
     */
    public ServiceName {
        Objects.requireNonNull(value, "service name");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid service name '" + value
                    + "': use 1-64 of a-z, 0-9, '-' and '_', starting with a letter or digit");
        }
    }

    /** Parses a service name; same as the constructor. */
    public static ServiceName of(String value) {
        return new ServiceName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
