package io.piha.sync.internal;

/**
 * A retained freeze flag that cannot be read. The message quotes the payload (a freeze flag never holds a
 * secret) and says what was expected.
 *
 * @since 0.1
 */
public final class StoredFreezeException extends IllegalArgumentException {

    /**
     * @param message what is wrong, quoting the payload
     * @param cause the parse failure, if any
     */
    public StoredFreezeException(String message, Throwable cause) {
        super(message, cause);
    }
}
