package io.piha.sync;

/**
 * A retained freeze flag that cannot be read. The message quotes the payload (a freeze flag never holds a
 * secret) and says what was expected.
 *
 * @since 0.1
 */
public final class FreezeFlagException extends IllegalArgumentException {

    /**
     * @param message what is wrong, quoting the payload
     * @param cause the parse failure, if any
     */
    public FreezeFlagException(String message, Throwable cause) {
        super(message, cause);
    }
}
