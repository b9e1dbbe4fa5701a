package io.piha.http.alert;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertSink;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An alert sink that delivers with one HTTP request per alert. Delivery is synchronous and bounded by the
 * timeout; an answer outside 2xx, a refused connection or a timeout is logged and counted in
 * {@link #failed()}, never thrown. Thread-safe.
 *
 * @since 0.1
 */
public abstract class HttpAlertSink implements AlertSink {

    /** Default bound of one delivery. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(HttpAlertSink.class);

    private final HttpClient client;
    private final Duration timeout;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /**
     * @param client the HTTP client (share one between sinks)
     * @param timeout bound of one delivery; positive
     * @throws IllegalArgumentException if the timeout is not positive
     */
    protected HttpAlertSink(HttpClient client, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("alert delivery timeout must be positive, was " + timeout);
        }
    }

    /** Where this sink delivers, for logs; never includes a secret. */
    public abstract String destination();

    /**
     * The request that delivers the alert; the timeout is set by the caller.
     *
     * @param alert the alert
     * @return the request builder
     */
    protected abstract HttpRequest.Builder request(Alert alert);

    @Override
    public final void send(Alert alert) {
        try {
            HttpResponse<Void> response = client.send(request(alert).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                delivered.incrementAndGet();
            } else {
                fail(alert, "HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            fail(alert, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(alert, "interrupted");
        } catch (RuntimeException e) {
            // an alert must never stop a recovery, whatever went wrong building or sending it
            fail(alert, e.toString());
        }
    }

    private void fail(Alert alert, String why) {
        failed.incrementAndGet();
        LOG.warn("alert {} about {} not delivered to {}: {}", alert.code(), alert.subject(), destination(), why);
    }

    /** How many alerts were accepted by the destination. */
    public long delivered() {
        return delivered.get();
    }

    /** How many alerts could not be delivered. */
    public long failed() {
        return failed.get();
    }

    /** The title people see: severity, subject and code. */
    static String title(Alert alert) {
        return "[" + alert.severity().name().toLowerCase(Locale.ROOT) + "] " + alert.subject() + ": "
                + alert.code();
    }
}
