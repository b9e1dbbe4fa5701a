package io.piha.inventory.homeseer;

import io.piha.api.inventory.InventoryException;

/**
 * HomeSeer could not be asked: unreachable, an HTTP error, a plain-text {@code error} answer or malformed JSON.
 * The message names the host and the request. Nothing was imported.
 *
 * @since 0.1
 */
public final class HomeSeerException extends InventoryException {

    private static final long serialVersionUID = 1L;

    /** @param message naming the host, the request and what went wrong */
    public HomeSeerException(String message) {
        super(message);
    }
}
