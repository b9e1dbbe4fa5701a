package io.piha.http.probe;

import io.piha.api.health.HealthProbe;
import io.piha.api.health.ProbeResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A probe that sends one HTTP GET and judges the answer. The whole exchange (connect, send, answer) is
 * bounded by the timeout; refused, timed-out and broken connections become
 * {@link ProbeResult.Unreachable}, never an exception. Thread-safe.
 *
 * @since 0.1
 */
public abstract class HttpHealthProbe implements HealthProbe {

    /** Default timeout of one probe, as in the arbiter's default probe budget split over a retry. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final int MAX_BODY_CHARS = 4096;

    private final String description;
    private final URI uri;
    private final Duration timeout;
    private final HttpClient client;
    private final Clock clock;

    /**
     * @param description what is probed, e.g. {@code haos-primary supervisor ping}
     * @param uri the URL to GET
     * @param timeout the bound of the whole exchange; positive
     * @param client the HTTP client (share one between probes)
     * @param clock where {@link ProbeResult#at()} comes from
     * @throws IllegalArgumentException if the URL is not http(s) or the timeout not positive
     */
    protected HttpHealthProbe(String description, URI uri, Duration timeout, HttpClient client, Clock clock) {
        this.description = Objects.requireNonNull(description, "description");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("probe URL must be http or https, was " + uri);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("probe timeout must be positive, was " + timeout);
        }
    }

    /** An HTTP client suited to probes: HTTP/1.1, no redirects, a connect timeout. */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    @Override
    public String describe() {
        return description + " (" + uri + ")";
    }

    /** The URL probed. */
    public URI uri() {
        return uri;
    }

    /** Extra request headers, e.g. an {@code Authorization}; none by default. Never logged. */
    protected Map<String, String> headers() {
        return Map.of();
    }

    /**
     * Judges an answer.
     *
     * @param answer the status and (truncated) body, with when and how long
     * @return up or down
     */
    protected abstract ProbeResult judge(Answer answer);

    @Override
    public final ProbeResult probe() {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(timeout)
                .header("Accept", "application/json");
        headers().forEach(request::header);
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> pending =
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return judge(new Answer(response.statusCode(), truncate(response.body()), clock.instant(),
                    since(start)));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return unreachable(start, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return unreachable(start, failure(e.getCause()));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return unreachable(start, "interrupted");
        }
    }

    private ProbeResult unreachable(long start, String why) {
        return new ProbeResult.Unreachable(clock.instant(), since(start), uri.getHost() + ":" + port() + " " + why);
    }

    private int port() {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private String failure(Throwable cause) {
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "refused the connection";
        }
        if (cause instanceof IOException) {
            return "failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        }
        return "failed: " + cause;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String truncate(String body) {
        return body.length() <= MAX_BODY_CHARS ? body : body.substring(0, MAX_BODY_CHARS);
    }

    /**
     * What the server answered.
     *
     * @param status the HTTP status
     * @param body the body, at most 4096 characters
     * @param at when the answer was complete
     * @param latency how long the exchange took
     */
    protected record Answer(int status, String body, Instant at, Duration latency) {

        /** An up result with this answer's time and latency. */
        public ProbeResult up(String detail) {
            return new ProbeResult.Up(at, latency, detail);
        }

        /** A down result with this answer's time and latency. */
        public ProbeResult down(String reason) {
            return new ProbeResult.Down(at, latency, reason);
        }
    }
}
