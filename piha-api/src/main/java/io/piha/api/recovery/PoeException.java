package io.piha.api.recovery;

/**
 * A PoE operation failed. Subclasses name the failure kind; every message names the switch and port.
 *
 * @since 0.1
 */
public class PoeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming switch and port */
    public PoeException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming switch and port
     * @param cause the underlying failure
     */
    public PoeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The label is not in the switch's port map, or the switch does not know the port. */
    public static class UnknownPort extends PoeException {
        private static final long serialVersionUID = 1L;

        /** @param message naming switch and port */
        public UnknownPort(String message) {
            super(message);
        }
    }

    /** The switch did not answer in time or refused the connection. */
    public static class SwitchUnreachable extends PoeException {
        private static final long serialVersionUID = 1L;

        /**
         * @param message naming the switch
         * @param cause the transport failure
         */
        public SwitchUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Credentials were refused (HTTP 401/403, SNMP authentication failure). */
    public static class AccessDenied extends PoeException {
        private static final long serialVersionUID = 1L;

        /** @param message naming the switch and user, never the secret */
        public AccessDenied(String message) {
            super(message);
        }
    }

    /** The safety layer refused the action: protected port, rate limit, open circuit breaker. */
    public static class Refused extends PoeException {
        private static final long serialVersionUID = 1L;

        /** @param message naming the rule and the port */
        public Refused(String message) {
            super(message);
        }
    }

    /** The switch answered in a way the driver did not expect (malformed JSON, SNMP error status). */
    public static class UnexpectedAnswer extends PoeException {
        private static final long serialVersionUID = 1L;

        /** @param message naming the switch, port and answer */
        public UnexpectedAnswer(String message) {
            super(message);
        }
    }
}
