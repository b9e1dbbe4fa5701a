package io.piha.http.status;

import com.sun.net.httpserver.HttpExchange;
import io.piha.http.server.ReadOnlyHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status page server: {@code /} (HTML), {@code /status.json}, {@code /metrics} (Prometheus text) and
 * {@code /healthz}. Each request renders the snapshot the supplier gives at that moment. The page and the JSON take
 * an event filter in the query ({@code ?host=haos-primary&severity=warning}, see {@link EventFilter}); a bad one is
 * answered 400 with what is wrong. Read-only: it
 * offers no action, so it needs no authentication, but it binds to 127.0.0.1 unless told otherwise.
 * Thread-safe; close it to release the port.
 *
 * @since 0.1
 */
public final class StatusServer implements AutoCloseable {

    /** The default port of the status page. */
    public static final int DEFAULT_PORT = 8470;

    private static final Logger LOG = LoggerFactory.getLogger(StatusServer.class);

    private final ReadOnlyHttpServer server;
    private final Supplier<StatusSnapshot> snapshots;

    private StatusServer(InetSocketAddress address, Supplier<StatusSnapshot> snapshots) {
        this.snapshots = snapshots; // before serving: handle() reads it
        this.server = ReadOnlyHttpServer.start(address, "status page", this::handle);
    }

    /**
     * Starts serving.
     *
     * @param address where to listen, e.g. {@code 127.0.0.1:8470}; port 0 picks a free one
     * @param snapshots gives the snapshot to show; called once per request
     * @throws UncheckedIOException naming the address if it cannot be bound
     */
    public static StatusServer start(InetSocketAddress address, Supplier<StatusSnapshot> snapshots) {
        Objects.requireNonNull(snapshots, "snapshots");
        StatusServer status = new StatusServer(address, snapshots);
        LOG.info("status page on {}", status.url());
        return status;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8470/}. */
    public URI url() {
        return server.url();
    }

    /** The port listened on (useful when started on port 0). */
    public int port() {
        return server.port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestURI().getPath()) {
            case "/", "/index.html" -> render(exchange, "text/html; charset=utf-8", StatusPage::render);
            case "/status.json" -> render(exchange, "application/json", StatusJson::render);
            case "/metrics" -> render(exchange, StatusMetrics.CONTENT_TYPE, (s, f) -> StatusMetrics.render(s));
            case "/healthz" -> send(exchange, 200, "text/plain; charset=utf-8", "ok\n");
            default -> send(exchange, 404, "text/plain; charset=utf-8", "not found\n");
        }
    }

    private void render(HttpExchange exchange, String type, BiFunction<StatusSnapshot, EventFilter, String> renderer)
            throws IOException {
        EventFilter filter;
        try {
            filter = EventFilter.parse(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            send(exchange, 400, "text/plain; charset=utf-8", e.getMessage() + "\n");
            return;
        }
        String body;
        try {
            body = renderer.apply(snapshots.get(), filter);
        } catch (RuntimeException e) {
            LOG.warn("status snapshot failed for {}: {}", exchange.getRequestURI(), e.toString());
            send(exchange, 503, "text/plain; charset=utf-8", "status unavailable\n");
            return;
        }
        send(exchange, 200, type, body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        ReadOnlyHttpServer.send(exchange, status, type, body);
    }

    /** Stops serving and releases the port. */
    @Override
    public void close() {
        server.close();
    }
}
