package io.piha.cli.inv;

/**
 * The embedded inventory database is held by another process, or is being started by one and did not come up
 * in time. The message says which directory and what to do.
 *
 * @since 0.1
 */
public final class DatabaseBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message naming the data directory and what to do */
    public DatabaseBusyException(String message) {
        super(message);
    }

    /** @param message naming the data directory and what to do; @param cause what the server said */
    public DatabaseBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
