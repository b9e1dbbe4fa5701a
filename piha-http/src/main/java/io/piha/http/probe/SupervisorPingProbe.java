package io.piha.http.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.piha.api.health.ProbeResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The HAOS supervisor ping, {@code http://<host>:4357/supervisor/ping}: up when it answers HTTP 200 with
 * {@code {"result":"ok"}}. Thread-safe.
 *
 * @since 0.1
 */
public final class SupervisorPingProbe extends HttpHealthProbe {

    /** The port the HAOS observer/supervisor ping answers on. */
    public static final int DEFAULT_PORT = 4357;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param description what is probed, e.g. {@code haos-primary supervisor}
     * @param uri the full ping URL
     * @param timeout bound of the exchange
     * @param client the shared HTTP client
     * @param clock the clock of the results
     */
    public SupervisorPingProbe(String description, URI uri, Duration timeout, HttpClient client, Clock clock) {
        super(description, uri, timeout, client, clock);
    }

    /** The ping URL of a HAOS host on the default port. */
    public static URI pingUrl(String host) {
        return URI.create("http://" + host + ":" + DEFAULT_PORT + "/supervisor/ping");
    }

    @Override
    protected ProbeResult judge(Answer answer) {
        if (answer.status() != 200) {
            return answer.down("supervisor answered HTTP " + answer.status());
        }
        try {
            JsonNode json = JSON.readTree(answer.body());
            String result = json == null ? "" : json.path("result").asText("");
            return "ok".equals(result)
                    ? answer.up("supervisor ok")
                    : answer.down("supervisor answered result '" + result + "'");
        } catch (IOException e) {
            return answer.down("supervisor answered HTTP 200 without JSON");
        }
    }
}
