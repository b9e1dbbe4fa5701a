package io.piha.service.config;

import io.piha.http.alert.AlertsConfig;
import io.piha.api.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code alerts}: grouping and the sinks. */
final class AlertsSection {

    private enum SinkType { WEBHOOK, NTFY, HOME_ASSISTANT }

    private AlertsSection() {
    }

    static AlertsConfig read(ConfigNode root) {
        Optional<ConfigNode> section = root.object("alerts");
        if (section.isEmpty()) {
            return AlertsConfig.none();
        }
        ConfigNode a = section.get();
        Duration window = a.duration("grouping_window", AlertsConfig.DEFAULT_WINDOW);
        int max = a.integer("max_per_window", AlertsConfig.DEFAULT_MAX_PER_WINDOW, 1, 1000);
        List<AlertsConfig.Sink> sinks = new ArrayList<>();
        for (ConfigNode s : a.list("sinks")) {
            Optional.ofNullable(sink(s)).ifPresent(sinks::add);
        }
        a.rejectUnknownKeys();
        return new AlertsConfig(sinks, window == null ? AlertsConfig.DEFAULT_WINDOW : window, max);
    }

    private static AlertsConfig.Sink sink(ConfigNode s) {
        int before = s.problems().count();
        SinkType type = s.choice("type", SinkType.class, null);
        if (type == null) {
            if (!s.problems().hasAt(s.path("type"))) {
                s.problem("type", "is required: webhook, ntfy or home_assistant", Optional.empty());
            }
            return null;
        }
        URI url = s.url(type == SinkType.NTFY ? "server" : "url", CommonSections.HTTP);
        String topic = type == SinkType.NTFY ? s.text("topic") : null;
        String service = type == SinkType.HOME_ASSISTANT ? s.text("service") : null;
        Optional<Secret> token = type == SinkType.HOME_ASSISTANT ? Optional.ofNullable(s.requiredSecret("token"))
                : s.secret("token");
        if (topic != null && (topic.contains("/") || topic.isBlank())) {
            s.problem("topic", "must be one path segment", Optional.of(topic));
        }
        if (service != null && !service.matches("[a-z0-9_]+")) {
            s.problem("service", "must be a notify service name such as mobile_app_pixel", Optional.of(service));
        }
        s.rejectUnknownKeys();
        if (s.problems().count() > before) {
            return null;
        }
        return switch (type) {
            case WEBHOOK -> new AlertsConfig.Sink.Webhook(url, token);
            case NTFY -> new AlertsConfig.Sink.Ntfy(url, topic, token);
            case HOME_ASSISTANT -> new AlertsConfig.Sink.HomeAssistant(url, service, token.orElseThrow());
        };
    }
}
