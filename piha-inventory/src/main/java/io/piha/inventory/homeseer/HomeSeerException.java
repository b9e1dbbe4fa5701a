package io.piha.inventory.homeseer;

import io.piha.api.inventory.InventoryException;

/**
 * HomeSeer could not be read: unreachable, an HTTP error, a refusal in its own words, or an answer that is not the
 * JSON it documents. The message names the host and the request, never the password. Nothing was written.
 *
 * @since 0.1
 */
public class HomeSeerException extends InventoryException {

    private static final long serialVersionUID = 1L;

    /** @param message naming the host and what went wrong */
    public HomeSeerException(String message) {
        super(message);
    }

    /** HomeSeer refused the user and password (HTTP 401). */
    public static class AuthenticationFailed extends HomeSeerException {
        private static final long serialVersionUID = 1L;

        /** @param message naming the host and the user */
        public AuthenticationFailed(String message) {
            super(message);
        }
    }

    /** HomeSeer answered the request with an error of its own ({@code error}, or {@code {"Response":"Error, ..."}}). */
    public static class Refused extends HomeSeerException {
        private static final long serialVersionUID = 1L;

        /** @param message naming the host and quoting HomeSeer's words */
        public Refused(String message) {
            super(message);
        }
    }
}
