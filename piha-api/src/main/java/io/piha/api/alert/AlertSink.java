package io.piha.api.alert;

/**
 * Where alerts go: a webhook, ntfy, a Home Assistant notification, the MQTT alerts topic. Implementations
 * must be thread-safe and must not throw for a delivery failure (log it and carry on): an alert that
 * cannot be delivered must never stop a recovery.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface AlertSink {

    /** Delivers or queues the alert. */
    void send(Alert alert);
}
