package io.piha.service.config;

import io.piha.http.alert.AlertsConfig;
import io.piha.api.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code alerts}: grouping and the sinks. */
final class AlertsSection {

    private enum SinkType { WEBHOOK, NTFY, HOME_ASSISTANT, EMAIL }

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
                s.problem("type", "is required: webhook, ntfy, home_assistant or email", Optional.empty());
            }
            return null;
        }
        if (type == SinkType.EMAIL) {
            return email(s, before);
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
            case EMAIL -> throw new IllegalStateException("read by email()");
        };
    }

    /** {@code type: email}: SMTP with STARTTLS (default) or SMTPS, credentials checked in pairs. */
    private static AlertsConfig.Sink email(ConfigNode s, int before) {
        AlertsConfig.EmailSecurity security = s.choice("security", AlertsConfig.EmailSecurity.class,
                AlertsConfig.EmailSecurity.STARTTLS);
        AlertsConfig.EmailSecurity sec = security == null ? AlertsConfig.EmailSecurity.STARTTLS : security;
        String host = s.text("host");
        int port = s.integer("port", sec.defaultPort(), 1, 65535);
        Optional<String> username = s.optionalText("username");
        Optional<Secret> password = s.secret("password");
        String from = s.text("from");
        List<String> to = s.stringList("to");
        Optional<Path> ca = s.optionalText("ca_certificate").map(Path::of);
        if (to.isEmpty() && !s.problems().hasAt(s.path("to"))) {
            s.problem("to", "needs at least one recipient, e.g. [you@example.net]", Optional.empty());
        }
        for (String address : from == null ? to : concat(from, to)) {
            if (!address.matches("[^@\\s<>]+@[^@\\s<>]+")) {
                s.problem(address.equals(from) ? "from" : "to", "is not a mail address", Optional.of(address));
            }
        }
        if (username.isPresent() != password.isPresent()) {
            s.problem(username.isPresent() ? "password" : "username", "is required when "
                    + (username.isPresent() ? "username" : "password") + " is given", Optional.empty());
        } else if (username.isPresent() && sec == AlertsConfig.EmailSecurity.NONE) {
            s.problem("security", "must be starttls or smtps with a username: credentials never travel unencrypted",
                    Optional.of("none"));
        }
        s.rejectUnknownKeys();
        return s.problems().count() > before ? null
                : new AlertsConfig.Sink.Email(host, port, sec, username, password, from, to, ca);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
