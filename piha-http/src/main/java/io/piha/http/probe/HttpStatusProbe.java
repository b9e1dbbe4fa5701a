package io.piha.http.probe;

import io.piha.api.health.ProbeResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Any HTTP endpoint: up when the status is within an expected range, by default 200-299. Thread-safe.
 *
 * @since 0.1
 */
public final class HttpStatusProbe extends HttpHealthProbe {

    private final int lowest;
    private final int highest;

    /**
     * @param description what is probed
     * @param uri the URL
     * @param lowest lowest healthy status, inclusive
     * @param highest highest healthy status, inclusive
     * @param timeout bound of the exchange
     * @param client the shared HTTP client
     * @param clock the clock of the results
     * @throws IllegalArgumentException if the range is empty or outside 100-599
     */
    public HttpStatusProbe(String description, URI uri, int lowest, int highest, Duration timeout,
                           HttpClient client, Clock clock) {
        super(description, uri, timeout, client, clock);
        if (lowest < 100 || highest > 599 || lowest > highest) {
            throw new IllegalArgumentException("expected status range must lie within 100-599, was "
                    + lowest + "-" + highest);
        }
        this.lowest = lowest;
        this.highest = highest;
    }

    @Override
    protected ProbeResult judge(Answer answer) {
        int status = answer.status();
        return status >= lowest && status <= highest
                ? answer.up("HTTP " + status)
                : answer.down("HTTP " + status + ", expected " + lowest + "-" + highest);
    }
}
