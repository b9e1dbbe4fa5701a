package io.piha.http.alert;

import io.piha.api.alert.Alert;
import io.piha.api.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * POSTs each alert as a JSON object ({@code ts, code, severity, subject, message, details}) to a URL,
 * with an optional bearer token. Thread-safe.
 *
 * @since 0.1
 */
public final class WebhookAlertSink extends HttpAlertSink {

    private final URI url;
    private final Optional<Secret> bearer;

    /**
     * @param url where to POST
     * @param bearer sent as {@code Authorization: Bearer}, if present
     * @param client the HTTP client
     * @param timeout bound of one delivery
     */
    public WebhookAlertSink(URI url, Optional<Secret> bearer, HttpClient client, Duration timeout) {
        super(client, timeout);
        this.url = Objects.requireNonNull(url, "url");
        this.bearer = Objects.requireNonNull(bearer, "bearer");
    }

    @Override
    public String destination() {
        return "webhook " + url;
    }

    @Override
    protected HttpRequest.Builder request(Alert alert) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AlertJson.write(AlertJson.toJson(alert))));
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token.reveal()));
        return request;
    }
}
