package io.piha.http.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.piha.api.alert.Alert;
import io.piha.api.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Calls a Home Assistant notify service, {@code POST /api/services/notify/<service>} with a long-lived
 * access token and {@code {"title": ..., "message": ...}}, e.g. to reach the household's phones through
 * the companion app. Note that the Home Assistant asked is usually the one the alert is about: configure a
 * second sink that does not depend on it. Thread-safe.
 *
 * @since 0.1
 */
public final class HomeAssistantNotifySink extends HttpAlertSink {

    private static final Pattern SERVICE = Pattern.compile("[a-z0-9_]+");

    private final URI serviceUrl;
    private final Secret token;

    /**
     * @param homeAssistant the base URL, e.g. {@code http://haos-standby:8123}
     * @param service the notify service, e.g. {@code mobile_app_pixel}
     * @param token a long-lived access token
     * @param client the HTTP client
     * @param timeout bound of one delivery
     * @throws IllegalArgumentException if the service is not a Home Assistant service name
     */
    public HomeAssistantNotifySink(URI homeAssistant, String service, Secret token, HttpClient client,
                                   Duration timeout) {
        super(client, timeout);
        Objects.requireNonNull(homeAssistant, "homeAssistant");
        Objects.requireNonNull(service, "service");
        if (!SERVICE.matcher(service).matches()) {
            throw new IllegalArgumentException("notify service must be lower-case letters, digits and '_', was '"
                    + service + "'");
        }
        String base = homeAssistant.toString().replaceAll("/+$", "");
        this.serviceUrl = URI.create(base + "/api/services/notify/" + service);
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public String destination() {
        return "home assistant " + serviceUrl;
    }

    @Override
    protected HttpRequest.Builder request(Alert alert) {
        ObjectNode body = AlertJson.MAPPER.createObjectNode()
                .put("title", title(alert))
                .put("message", alert.message());
        return HttpRequest.newBuilder(serviceUrl)
                .header("Authorization", "Bearer " + token.reveal())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AlertJson.write(body)));
    }
}
