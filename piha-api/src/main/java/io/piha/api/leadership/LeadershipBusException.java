package io.piha.api.leadership;

/**
 * The leadership transport failed: not connected, refused credentials, broker gone. The message names
 * the broker and the operation.
 *
 * @since 0.1
 */
public class LeadershipBusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming broker and operation */
    public LeadershipBusException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming broker and operation
     * @param cause the transport's own exception
     */
    public LeadershipBusException(String message, Throwable cause) {
        super(message, cause);
    }
}
