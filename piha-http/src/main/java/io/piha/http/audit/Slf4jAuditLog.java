package io.piha.http.audit;

import io.piha.api.audit.AuditEntry;
import io.piha.api.audit.AuditLog;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Writes audit entries to an SLF4J logger ({@code piha.audit} by default), so they reach the system
 * journal or syslog with the rest of the logs: routine entries (heartbeats, renewals) at DEBUG, accepted ones at
 * INFO, refused and failed ones at WARN.
 * The entry's fields are also attached as key-values for structured backends. Thread-safe.
 *
 * @since 0.1
 */
public final class Slf4jAuditLog implements AuditLog {

    /** The default logger name. */
    public static final String LOGGER = "piha.audit";

    private final Logger logger;

    /** Logs to {@link #LOGGER}. */
    public Slf4jAuditLog() {
        this(LoggerFactory.getLogger(LOGGER));
    }

    /** Logs to the given logger. */
    public Slf4jAuditLog(Logger logger) {
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public void record(AuditEntry entry) {
        Level level = switch (entry.outcome()) {
            case ROUTINE -> Level.DEBUG;
            case ACCEPTED, PLANNED -> Level.INFO;
            default -> Level.WARN;
        };
        logger.atLevel(level)
                .addKeyValue("actor", entry.actor())
                .addKeyValue("action", entry.action())
                .addKeyValue("subject", entry.subject())
                .addKeyValue("outcome", entry.outcome())
                .log("{} {} {} {}: {} {}", entry.actor(), entry.action(), entry.subject(),
                        entry.outcome().name().toLowerCase(Locale.ROOT), entry.reason(), entry.details());
    }
}
