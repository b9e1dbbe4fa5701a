package io.piha.api.sync;

/**
 * Receives every sync outcome, healthy or not, e.g. to publish it on MQTT. Called on the syncing thread;
 * implementations must be quick and must not throw.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface SyncListener {

    /**
     * Called once per sync attempt.
     *
     * @param event the attempt
     */
    void onEvent(SyncEvent event);
}
