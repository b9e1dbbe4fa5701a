package io.piha.http.alert;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertSink;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every alert to each of several sinks, in order; a sink that throws despite the contract is logged
 * and the others still get the alert. Thread-safe if its sinks are.
 *
 * @since 0.1
 */
public final class BroadcastAlertSink implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastAlertSink.class);

    private final List<AlertSink> sinks;

    /** @param sinks the destinations; may be empty (alerts are then only logged) */
    public BroadcastAlertSink(List<AlertSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void send(Alert alert) {
        if (sinks.isEmpty()) {
            LOG.warn("alert {} about {} ({}): {}", alert.code(), alert.subject(), alert.severity(), alert.message());
        }
        for (AlertSink sink : sinks) {
            try {
                sink.send(alert);
            } catch (RuntimeException e) {
                LOG.warn("alert {} about {} not delivered by {}: {}", alert.code(), alert.subject(), sink, e.toString());
            }
        }
    }
}
