package io.piha.api.inventory;

/**
 * An inventory write was refused; the message names the object and the bad value. Nothing was written.
 *
 * @since 0.1
 */
public class InventoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message naming the object and the bad value */
    public InventoryException(String message) {
        super(message);
    }

    /**
     * @param message naming the object and the bad value, or what could not be reached
     * @param cause what the database or the peer said
     */
    public InventoryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Another writer changed the object since it was read (optimistic locking). */
    public static class ConcurrentModification extends InventoryException {
        private static final long serialVersionUID = 1L;

        /** @param message naming the object and both versions */
        public ConcurrentModification(String message) {
            super(message);
        }
    }

    /** The referenced object does not exist (in the given scope). */
    public static class NotFound extends InventoryException {
        private static final long serialVersionUID = 1L;

        /** @param message naming what was looked for */
        public NotFound(String message) {
            super(message);
        }
    }

    /** A uniqueness or structure rule would be broken: duplicate slug, zone cycle, cross-site parent. */
    public static class Conflict extends InventoryException {
        private static final long serialVersionUID = 1L;

        /** @param message naming the rule and value */
        public Conflict(String message) {
            super(message);
        }
    }
}
