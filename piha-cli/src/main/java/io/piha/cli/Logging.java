package io.piha.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Chooses how much a command logs, once, when it starts ({@link LogSetup} is quiet until then). A command for people
 * logs warnings only; the long-running services log INFO for the journal; {@code --verbose} shows INFO, and DEBUG
 * for PiHA's own loggers; {@code PIHA_LOG_LEVEL} (system property, else environment variable) wins over all.
 */
final class Logging {

    /** The variable an operator sets to force a level, e.g. in a systemd unit. */
    static final String LEVEL_VARIABLE = "PIHA_LOG_LEVEL";

    private Logging() {
    }

    /**
     * The root level for a command.
     *
     * @param verbose whether {@code --verbose} was given
     * @param longRunning whether the command is a service that runs until stopped
     * @param forced the level PIHA_LOG_LEVEL names, if set
     */
    static Level rootLevel(boolean verbose, boolean longRunning, Optional<String> forced) {
        if (forced.isPresent()) {
            return Level.toLevel(forced.get(), Level.WARN);
        }
        return verbose || longRunning ? Level.INFO : Level.WARN;
    }

    /** Sets the levels for the command about to run. */
    static void apply(boolean verbose, boolean longRunning) {
        Optional<String> forced = Optional.ofNullable(System.getProperty(LEVEL_VARIABLE))
                .or(() -> Optional.ofNullable(System.getenv(LEVEL_VARIABLE))).filter(s -> !s.isBlank());
        if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) {
            return; // another SLF4J binding (an embedding application): its configuration rules
        }
        Level root = rootLevel(verbose, longRunning, forced);
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(root);
        Logger own = context.getLogger("io.piha");
        own.setLevel(verbose && forced.isEmpty() ? Level.DEBUG : null);
    }
}
