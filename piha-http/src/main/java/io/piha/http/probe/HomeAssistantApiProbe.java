package io.piha.http.probe;

import io.piha.api.health.ProbeResult;
import io.piha.api.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Home Assistant Core's {@code /api/}. Without a token, HTTP 401 proves the process is up. With a
 * long-lived access token the answer is checked: HTTP 200 with {@code "API running."} is up. A token that
 * is refused (401/403) still shows a live process, so it is reported up with a warning in the log rather
 * than as a death that would start a failover. Thread-safe.
 *
 * @since 0.1
 */
public final class HomeAssistantApiProbe extends HttpHealthProbe {

    /** Home Assistant Core's default port. */
    public static final int DEFAULT_PORT = 8123;

    private static final Logger LOG = LoggerFactory.getLogger(HomeAssistantApiProbe.class);

    private final Optional<Secret> token;

    /**
     * @param description what is probed, e.g. {@code haos-standby core api}
     * @param uri the {@code /api/} URL
     * @param token a long-lived access token, or empty
     * @param timeout bound of the exchange
     * @param client the shared HTTP client
     * @param clock the clock of the results
     */
    public HomeAssistantApiProbe(String description, URI uri, Optional<Secret> token, Duration timeout,
                                 HttpClient client, Clock clock) {
        super(description, uri, timeout, client, clock);
        this.token = Objects.requireNonNull(token, "token");
    }

    /** The API URL of a Home Assistant host on the default port. */
    public static URI apiUrl(String host) {
        return URI.create("http://" + host + ":" + DEFAULT_PORT + "/api/");
    }

    @Override
    protected Map<String, String> headers() {
        return token.map(t -> Map.of("Authorization", "Bearer " + t.reveal())).orElse(Map.of());
    }

    @Override
    protected ProbeResult judge(Answer answer) {
        int status = answer.status();
        if (token.isEmpty()) {
            return status == 401 || status == 200
                    ? answer.up("HTTP " + status + " (process up, no token)")
                    : answer.down("Home Assistant answered HTTP " + status);
        }
        if (status == 200) {
            return answer.body().contains("API running")
                    ? answer.up("API running")
                    : answer.down("Home Assistant answered HTTP 200 without 'API running'");
        }
        if (status == 401 || status == 403) {
            LOG.warn("{}: the access token was refused (HTTP {}); the process is up, renew the token", describe(),
                    status);
            return answer.up("HTTP " + status + " (process up, token refused)");
        }
        return answer.down("Home Assistant answered HTTP " + status);
    }
}
