package io.piha.api.alert;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A message for people. The {@code code} is stable and machine-readable (e.g.
 * {@code haos_heartbeat_missed}, {@code promotion_blocked}) so sinks can group and rate-limit by it.
 *
 * @param timestamp when it was raised
 * @param code stable identifier of the kind of alert
 * @param severity how urgent
 * @param subject what it is about, e.g. a service or host
 * @param message one sentence for a person, naming host, service and epoch where relevant
 * @param details further fields (never secrets)
 * @since 0.1
 */
public record Alert(Instant timestamp, String code, Severity severity, String subject, String message,
                    Map<String, String> details) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /**
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if the code is not a lower-case identifier
     */
    public Alert {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("invalid alert code '" + code + "': use a lower-case identifier");
        }
        details = Map.copyOf(Objects.requireNonNull(details, "details"));
    }

    /** An alert without details. */
    public static Alert of(Instant timestamp, String code, Severity severity, String subject, String message) {
        return new Alert(timestamp, code, severity, subject, message, Map.of());
    }
}
