package io.piha.api.recovery;

import java.util.Objects;

/**
 * A PoE operation failed. Subclasses name the failure kind; every instance names the switch and, where
 * there is one, the port, so an alert can say which cable is involved.
 *
 * @since 0.1
 */
public class PoeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String switchName;
    private final String label;

    /**
     * @param switchName the switch (or plug) involved
     * @param label the port label, or empty for a failure of the whole switch
     * @param message what failed, without secrets
     * @param cause the underlying failure, or {@code null}
     */
    public PoeException(String switchName, String label, String message, Throwable cause) {
        super("switch '" + switchName + "'" + (label.isEmpty() ? "" : " port '" + label + "'") + ": " + message,
                cause);
        this.switchName = Objects.requireNonNull(switchName, "switchName");
        this.label = Objects.requireNonNull(label, "label");
    }

    /** The switch (or plug) involved. */
    public String switchName() {
        return switchName;
    }

    /** The port label involved, or empty for a failure of the whole switch. */
    public String label() {
        return label;
    }

    /** The label is not in the switch's port map, or the switch does not know the port. */
    public static class UnknownPort extends PoeException {
        private static final long serialVersionUID = 1L;

        /**
         * @param switchName the switch
         * @param label the unknown label
         * @param message what was looked up where
         */
        public UnknownPort(String switchName, String label, String message) {
            super(switchName, label, message, null);
        }
    }

    /** The switch did not answer in time, or refused the connection. */
    public static class SwitchUnreachable extends PoeException {
        private static final long serialVersionUID = 1L;

        /**
         * @param switchName the switch
         * @param label the port, or empty
         * @param message what was tried, e.g. the address and timeout
         * @param cause the transport failure, or {@code null}
         */
        public SwitchUnreachable(String switchName, String label, String message, Throwable cause) {
            super(switchName, label, message, cause);
        }
    }

    /** Credentials were refused (HTTP 401/403, SNMP authentication failure or wrong community). */
    public static class AccessDenied extends PoeException {
        private static final long serialVersionUID = 1L;

        /**
         * @param switchName the switch
         * @param label the port, or empty
         * @param message naming the user, never the secret
         */
        public AccessDenied(String switchName, String label, String message) {
            super(switchName, label, message, null);
        }
    }

    /** The safety layer refused the action: protected port, rate limit, open circuit breaker. */
    public static class Refused extends PoeException {
        private static final long serialVersionUID = 1L;

        /**
         * @param switchName the switch
         * @param label the port
         * @param message naming the rule and its values
         */
        public Refused(String switchName, String label, String message) {
            super(switchName, label, message, null);
        }
    }

    /** The switch answered in a way the driver did not expect (malformed JSON, SNMP error status). */
    public static class UnexpectedAnswer extends PoeException {
        private static final long serialVersionUID = 1L;

        /**
         * @param switchName the switch
         * @param label the port, or empty
         * @param message naming the answer
         */
        public UnexpectedAnswer(String switchName, String label, String message) {
            super(switchName, label, message, null);
        }

        /**
         * @param switchName the switch
         * @param label the port, or empty
         * @param message naming the answer
         * @param cause the parse failure
         */
        public UnexpectedAnswer(String switchName, String label, String message, Throwable cause) {
            super(switchName, label, message, cause);
        }
    }

    /** The driver lacks the capability the call needs, e.g. separate off/on on a cycle-only device. */
    public static class Unsupported extends PoeException {
        private static final long serialVersionUID = 1L;

        /**
         * @param switchName the switch
         * @param label the port, or empty
         * @param capability the missing capability
         */
        public Unsupported(String switchName, String label, PoeCapability capability) {
            super(switchName, label, "the driver lacks " + capability, null);
        }
    }
}
