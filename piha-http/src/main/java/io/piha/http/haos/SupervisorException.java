package io.piha.http.haos;

/**
 * A Home Assistant Supervisor did not do what was asked. Each kind names the host and says what to do.
 *
 * @since 0.1
 */
public abstract sealed class SupervisorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private SupervisorException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The Supervisor (through Home Assistant) refused the token: HTTP 401 or 403. */
    public static final class TokenRefused extends SupervisorException {
        private static final long serialVersionUID = 1L;

        /** @param host the host asked, e.g. {@code haos-primary} */
        public TokenRefused(String host, int status) {
            super(host + " refused the token (HTTP " + status + "): create a long-lived access token of an "
                    + "administrator in Home Assistant (profile, security) and set it as the host's supervisor token",
                    null);
        }
    }

    /** Nothing answered, or not in time. */
    public static final class Unreachable extends SupervisorException {
        private static final long serialVersionUID = 1L;

        /** @param what the host and URL, and why */
        public Unreachable(String what, Throwable cause) {
            super(what, cause);
        }
    }

    /**
     * The Supervisor answered but not as documented: an HTTP error, {@code "result": "error"}, JSON that does not
     * parse, or an archive that is not whole.
     */
    public static final class BadAnswer extends SupervisorException {
        private static final long serialVersionUID = 1L;

        /** @param what the host, the request and what was wrong */
        public BadAnswer(String what, Throwable cause) {
            super(what, cause);
        }
    }
}
