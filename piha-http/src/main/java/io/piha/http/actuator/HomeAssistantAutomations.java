package io.piha.http.actuator;

import io.piha.api.leadership.FencingToken;
import io.piha.api.leadership.RoleActuator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Switches a Home Assistant instance between serving and observing by turning its automations on or off
 * through the REST API ({@code POST /api/services/automation/turn_on|turn_off} with a long-lived token).
 * The standby keeps running, with its automations off, until it is promoted.
 */
public final class HomeAssistantAutomations implements RoleActuator {

    private final URI base;
    private final Supplier<String> token;
    private final String entities;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param base the instance, e.g. {@code http://haos-standby:8123}
     * @param token the long-lived access token (read when needed, never logged)
     * @param entities which automations, e.g. {@code all}
     * @param timeout per request
     */
    public HomeAssistantAutomations(URI base, Supplier<String> token, String entities, Duration timeout) {
        this.base = Objects.requireNonNull(base, "base");
        this.token = Objects.requireNonNull(token, "token");
        this.entities = Objects.requireNonNull(entities, "entities");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void activate(FencingToken t) {
        call("turn_on");
    }

    @Override
    public void deactivate(String reason) {
        call("turn_off");
    }

    private void call(String service) {
        URI uri = base.resolve("/api/services/automation/" + service);
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + token.get())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"entity_id\":\"" + entities + "\"}"))
                .build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() == 401 || res.statusCode() == 403) {
                throw new IllegalStateException("Home Assistant at " + base + " refused the token (HTTP "
                        + res.statusCode() + ") for automation." + service);
            }
            if (res.statusCode() / 100 != 2) {
                throw new IllegalStateException("Home Assistant at " + base + " answered HTTP " + res.statusCode()
                        + " to automation." + service);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Home Assistant at " + base + " unreachable for automation." + service
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling automation." + service + " at " + base, e);
        }
    }

    @Override
    public String toString() {
        return "HomeAssistantAutomations[" + base + ", entities=" + entities + ", token=******]";
    }
}
