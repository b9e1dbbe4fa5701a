package io.piha.http.alert;

import io.piha.api.alert.AlertSink;
import io.piha.http.alert.AlertsConfig;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;

/**
 * Builds the alert sinks the {@code alerts} section describes: every sink behind one grouping and rate
 * limit.
 *
 * @since 0.1
 */
public final class AlertSinks {

    private AlertSinks() {
    }

    /**
     * The configured sinks, broadcast, behind a {@link GroupingAlertSink}.
     *
     * @param config the {@code alerts} section
     * @param client the HTTP client shared by the sinks
     * @param clock the clock of the grouping windows
     */
    public static GroupingAlertSink from(AlertsConfig config, HttpClient client, Clock clock) {
        List<AlertSink> sinks = config.sinks().stream().<AlertSink>map(s -> create(s, client)).toList();
        return new GroupingAlertSink(new BroadcastAlertSink(sinks), config.groupingWindow(), config.maxPerWindow(),
                clock);
    }

    /** The sink one configured destination describes, with the default delivery timeout. */
    public static AlertSink create(AlertsConfig.Sink sink, HttpClient client) {
        if (sink instanceof AlertsConfig.Sink.Email e) {
            return new EmailAlertSink(e, EmailAlertSink.DEFAULT_TIMEOUT);
        }
        if (sink instanceof AlertsConfig.Sink.Webhook w) {
            return new WebhookAlertSink(w.url(), w.token(), client, HttpAlertSink.DEFAULT_TIMEOUT);
        }
        if (sink instanceof AlertsConfig.Sink.Ntfy n) {
            return new NtfyAlertSink(n.server(), n.topic(), n.token(), client, HttpAlertSink.DEFAULT_TIMEOUT);
        }
        AlertsConfig.Sink.HomeAssistant h = (AlertsConfig.Sink.HomeAssistant) sink;
        return new HomeAssistantNotifySink(h.url(), h.service(), h.token(), client, HttpAlertSink.DEFAULT_TIMEOUT);
    }
}
