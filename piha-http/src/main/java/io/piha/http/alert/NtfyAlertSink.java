package io.piha.http.alert;

import io.piha.api.alert.Alert;
import io.piha.api.alert.Severity;
import io.piha.api.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Publishes alerts to an <a href="https://ntfy.sh">ntfy</a> topic: a POST to {@code <server>/<topic>} with
 * the message as body and the {@code Title}, {@code Priority} and {@code Tags} headers. Critical alerts are
 * sent as {@code urgent}, warnings as {@code high}, the rest at the default priority. Thread-safe.
 *
 * @since 0.1
 */
public final class NtfyAlertSink extends HttpAlertSink {

    private final URI topicUrl;
    private final Optional<Secret> token;

    /**
     * @param server the ntfy server, e.g. {@code https://ntfy.sh}
     * @param topic the topic, e.g. {@code piha-home}
     * @param token an access token for protected topics, if any
     * @param client the HTTP client
     * @param timeout bound of one delivery
     * @throws IllegalArgumentException if the topic is blank or holds a {@code /}
     */
    public NtfyAlertSink(URI server, String topic, Optional<Secret> token, HttpClient client, Duration timeout) {
        super(client, timeout);
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank() || topic.contains("/")) {
            throw new IllegalArgumentException("ntfy topic must be one non-blank path segment, was '" + topic + "'");
        }
        String base = server.toString().endsWith("/") ? server.toString() : server + "/";
        this.topicUrl = URI.create(base + topic);
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public String destination() {
        return "ntfy " + topicUrl;
    }

    @Override
    protected HttpRequest.Builder request(Alert alert) {
        HttpRequest.Builder request = HttpRequest.newBuilder(topicUrl)
                .header("Title", headerValue(title(alert)))
                .header("Priority", priority(alert.severity()))
                .header("Tags", tag(alert.severity()) + "," + alert.code())
                .POST(HttpRequest.BodyPublishers.ofString(alert.message(), StandardCharsets.UTF_8));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t.reveal()));
        return request;
    }

    static String priority(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "urgent";
            case WARNING -> "high";
            case INFO -> "default";
        };
    }

    private static String tag(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "rotating_light";
            case WARNING -> "warning";
            case INFO -> "information_source";
        };
    }

    // header values are ASCII; ntfy decodes RFC 2047 encoded words for anything else
    static String headerValue(String text) {
        boolean ascii = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return ascii ? text
                : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
