package io.piha.sync;

/**
 * The standby's configuration could not be checked out or swapped in. The live configuration is unchanged
 * when this is thrown; the message names the directory, branch or path involved.
 *
 * @since 0.1
 */
public final class StandbyCheckoutException extends RuntimeException {

    /**
     * @param message what failed, naming the path
     * @param cause the underlying failure, if any
     */
    public StandbyCheckoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
