package io.piha.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.piha.api.inventory.InventoryException;
import io.piha.api.leadership.LeadershipBusException;
import io.piha.api.recovery.PoeException;
import io.piha.service.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.Optional;

/**
 * What went wrong in a command, for people: what happened, what to do, and the exit code from {@link ExitCode}.
 * {@link #of} reads an exception (and its causes) into one; an exception it does not know is an internal error.
 *
 * @param code the exit code
 * @param what what happened, naming the value, host or file
 * @param todo what to do about it
 * @param secretsPossible whether the exception's own text may quote a configuration value (a secret): its message
 *     and causes are then never printed, not even with {@code --verbose}
 */
record Failure(ExitCode code, String what, String todo, boolean secretsPossible) {

    private static final String SEE_HELP = "see '%s --help'";
    private static final java.util.regex.Pattern JAVA_CLASS =
            java.util.regex.Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+(?:[A-Z][A-Za-z0-9_]*\\$)*[A-Z][A-Za-z0-9_]*(?:Exception|Error): ");

    /**
     * The failure an exception means: the first exception in its cause chain of a kind that says what happened (a
     * broker, a database, a guard, bad input), else the first of a general kind (I/O, a state that forbids it).
     */
    static Failure of(Throwable error, String command) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            Optional<Failure> known = known(t, command);
            if (known.isPresent()) {
                return known.get();
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            Optional<Failure> general = general(t);
            if (general.isPresent()) {
                return general.get();
            }
        }
        return new Failure(ExitCode.FAILED, "internal error: " + error.getClass().getName() + text(error).map(m -> ": " + m)
                .orElse(""), "run it again with --verbose and report the output", false);
    }

    private static Optional<Failure> known(Throwable t, String command) {
        String message = text(t).orElse(t.getClass().getSimpleName());
        if (t instanceof ConfigException c) {
            // the reader's message names keys and redacts secrets; nothing else of the exception is printed
            return Optional.of(new Failure(ExitCode.USAGE, c.problems().size() == 1 ? message : c.getMessage(),
                    "check the file and its keys (docs/configuration.md)", true));
        }
        if (t instanceof JsonProcessingException j) {
            String where = j.getLocation() == null ? "" : " at line " + j.getLocation().getLineNr() + ", column "
                    + j.getLocation().getColumnNr();
            return Optional.of(new Failure(ExitCode.USAGE, "the file is not what was expected" + where,
                    "check the file and its keys (docs/configuration.md)", true));
        }
        if (t instanceof picocli.CommandLine.ParameterException || t instanceof IllegalArgumentException
                || t instanceof DateTimeException) {
            return usage(message, command);
        }
        if (t instanceof NoSuchFileException f) {
            return usage("no such file: " + f.getFile(), command);
        }
        if (t instanceof AccessDeniedException f) {
            return Optional.of(new Failure(ExitCode.FAILED, "permission denied: " + f.getFile(),
                    "run it as a user who may read and write that file", false));
        }
        if (t instanceof OverlappingFileLockException) {
            return Optional.of(lockHeld("a lock file is held by this process already"));
        }
        if (isLockHeld(t)) {
            return Optional.of(lockHeld(message));
        }
        return Optional.ofNullable(ofPart(t, message));
    }

    /** Failures of the parts PiHA talks to: broker, switch, inventory, database, network, files. */
    private static Failure ofPart(Throwable t, String message) {
        if (t instanceof io.piha.runtime.ArbiterMemory.UnreadableMemoryException u) {
            return new Failure(ExitCode.FAILED, u.what(), u.wayBack(), false);
        }
        if (t instanceof LeadershipBusException) {
            return new Failure(ExitCode.FAILED, message,
                    "check --broker (or the configuration's broker) and that the broker is running", false);
        }
        if (t instanceof PoeException.Refused) {
            return new Failure(ExitCode.REFUSED, message, "wait for the guard to allow it, or see the audit log", false);
        }
        if (t instanceof PoeException.UnknownPort) {
            return new Failure(ExitCode.USAGE, message, "use a port label from the switch's port map", false);
        }
        if (t instanceof PoeException) {
            return new Failure(ExitCode.FAILED, message, "check the switch's address, credentials and that it answers",
                    false);
        }
        if (t instanceof InventoryException && t.getCause() instanceof SQLException sql) {
            return database(sql, text(sql).orElse(message));
        }
        if (t instanceof io.piha.inventory.homeseer.HomeSeerException) {
            return new Failure(ExitCode.FAILED, message, "check the HomeSeer address, user and password, and that it "
                    + "answers", false);
        }
        if (t instanceof io.piha.cli.inv.DatabaseBusyException) {
            return new Failure(ExitCode.REFUSED, message, "wait for the other piha inv to finish, or stop it", false);
        }
        if (t instanceof io.piha.http.haos.SupervisorException) {
            return new Failure(ExitCode.FAILED, message, "then run it again", false);
        }
        if (t instanceof io.piha.sync.StandbyCheckoutException) {
            return new Failure(ExitCode.FAILED, message, "check the sync repository and the staging directory", false);
        }
        if (t instanceof InventoryException.NotFound) {
            return new Failure(ExitCode.USAGE, message, "list what exists with 'piha inv ... list'", false);
        }
        if (t instanceof InventoryException) {
            return new Failure(ExitCode.REFUSED, message, "nothing was written; change the value and try again", false);
        }
        if (t instanceof SQLException sql) {
            return database(sql, message);
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                || t instanceof SocketTimeoutException) {
            return new Failure(ExitCode.FAILED, "cannot reach " + message, "check the address and that it is running",
                    false);
        }
        if (t instanceof InterruptedException) {
            return new Failure(ExitCode.FAILED, "interrupted", "run it again", false);
        }
        return null;
    }

    /** Kinds that say only that something failed; a more telling cause wins over them. */
    private static Optional<Failure> general(Throwable t) {
        String message = text(t).orElse(t.getClass().getSimpleName());
        if (t instanceof UncheckedIOException || t instanceof IOException) {
            return Optional.of(new Failure(ExitCode.FAILED, message, "check the path, the disk and the permissions",
                    false));
        }
        if (t instanceof IllegalStateException) {
            return Optional.of(new Failure(ExitCode.FAILED, message, "run it again with --verbose for the details",
                    false));
        }
        return Optional.empty();
    }

    private static Failure database(SQLException e, String message) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return new Failure(ExitCode.FAILED, "cannot reach the database: " + message,
                    "check --db / PIHA_DB_URL and that PostgreSQL is running", false);
        }
        if (state.startsWith("28")) {
            return new Failure(ExitCode.FAILED, "the database refused the login: " + message,
                    "check the user and password in --db / PIHA_DB_URL", false);
        }
        return new Failure(ExitCode.FAILED, "database error: " + message, "run it again with --verbose and report it",
                false);
    }

    private static Optional<Failure> usage(String message, String command) {
        return Optional.of(new Failure(ExitCode.USAGE, message, SEE_HELP.formatted(command), false));
    }

    private static Failure lockHeld(String message) {
        return new Failure(ExitCode.REFUSED, message, "another piha process holds it: stop that one first", false);
    }

    /** A lock held elsewhere, by the convention of its type's name ({@code ...LockHeldException}, {@code ...Locked...}). */
    private static boolean isLockHeld(Throwable t) {
        String name = t.getClass().getSimpleName();
        return name.contains("LockHeld") || name.contains("Locked");
    }

    /**
     * The exception's message on one line, if it has one, without the Java class names that messages of wrapped
     * exceptions carry ({@code io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused}).
     */
    static Optional<String> text(Throwable t) {
        return Optional.ofNullable(t.getMessage())
                .map(m -> JAVA_CLASS.matcher(m.strip().replaceAll("\\s*\\R\\s*", " ")).replaceAll(""))
                .filter(m -> !m.isEmpty());
    }
}
