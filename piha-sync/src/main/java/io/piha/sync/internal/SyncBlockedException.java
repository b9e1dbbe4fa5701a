package io.piha.sync.internal;

/** Why an attempt cannot go on safely; becomes a {@code Blocked} outcome naming refs and ids. */
public final class SyncBlockedException extends RuntimeException {

    public SyncBlockedException(String message) {
        super(message);
    }

    public SyncBlockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
