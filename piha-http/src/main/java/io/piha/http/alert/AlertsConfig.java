package io.piha.http.alert;

import io.piha.api.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where alerts go and how they are grouped.
 *
 * @param sinks the destinations; every alert goes to each
 * @param groupingWindow window of the rate limit per code and subject (default 15 min)
 * @param maxPerWindow alerts passed per group and window (default 3)
 * @since 0.1
 */
public record AlertsConfig(List<Sink> sinks, Duration groupingWindow, int maxPerWindow) {

    /** Default grouping window. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    /** Default alerts per group and window. */
    public static final int DEFAULT_MAX_PER_WINDOW = 3;

    /** @throws NullPointerException if a component is null */
    public AlertsConfig {
        sinks = List.copyOf(sinks);
        Objects.requireNonNull(groupingWindow, "groupingWindow");
    }

    /** No sinks, default grouping. */
    public static AlertsConfig none() {
        return new AlertsConfig(List.of(), DEFAULT_WINDOW, DEFAULT_MAX_PER_WINDOW);
    }

    /** One destination; {@code type} in the file picks the kind. */
    public sealed interface Sink {

        /**
         * {@code type: webhook}: POST of the alert as JSON.
         *
         * @param url where to POST
         * @param token sent as a bearer token, if any
         */
        record Webhook(URI url, Optional<Secret> token) implements Sink {
            /** @throws NullPointerException if a component is null */
            public Webhook {
                Objects.requireNonNull(url, "url");
                Objects.requireNonNull(token, "token");
            }
        }

        /**
         * {@code type: ntfy}: a message on an ntfy topic.
         *
         * @param server e.g. {@code https://ntfy.sh}
         * @param topic the topic
         * @param token access token for a protected topic, if any
         */
        record Ntfy(URI server, String topic, Optional<Secret> token) implements Sink {
            /** @throws NullPointerException if a component is null */
            public Ntfy {
                Objects.requireNonNull(server, "server");
                Objects.requireNonNull(topic, "topic");
                Objects.requireNonNull(token, "token");
            }
        }

        /**
         * {@code type: home_assistant}: a Home Assistant notify service.
         *
         * @param url the instance, e.g. {@code http://ha-standby:8123}
         * @param service the notify service, e.g. {@code mobile_app_pixel}
         * @param token a long-lived access token
         */
        record HomeAssistant(URI url, String service, Secret token) implements Sink {
            /** @throws NullPointerException if a component is null */
            public HomeAssistant {
                Objects.requireNonNull(url, "url");
                Objects.requireNonNull(service, "service");
                Objects.requireNonNull(token, "token");
            }
        }
    }
}
