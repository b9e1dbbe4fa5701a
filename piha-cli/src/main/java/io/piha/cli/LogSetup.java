package io.piha.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The CLI's logging configuration, found by logback through {@code META-INF/services} when the first logger is made:
 * warnings and errors on stderr until {@link Logging} sets the level for the command. Written in Java rather than
 * logback.xml so that a service's JVM loads no XML parser and no Joran for it (a few MiB of a small heap). A file
 * named by {@code -Dlogback.configurationFile} replaces it.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** Libraries whose INFO is noise for PiHA's users, and the level they keep even with --verbose. */
    static final Map<String, Level> QUIET = Map.of(
            "com.hivemq", Level.WARN,
            // a publication that races an unsubscribe at shutdown is harmless
            "com.hivemq.client.internal.mqtt.handler.publish.incoming", Level.ERROR,
            "org.snmp4j", Level.WARN,
            // piha inv starts an embedded PostgreSQL and checks the schema on every command
            "io.zonky.test.db.postgres", Level.WARN,
            "org.flywaydb", Level.WARN);

    /** The line format: time, level, logger, message. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(stderr);
        root.setLevel(Level.WARN);
        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
