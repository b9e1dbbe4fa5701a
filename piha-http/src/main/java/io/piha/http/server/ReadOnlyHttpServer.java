package io.piha.http.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK HTTP server as PiHA's read-only endpoints use it (the status page, the agent's gate): two daemon threads,
 * GET and HEAD only (anything else is 405 with {@code Allow}), every answer uncached and with {@code nosniff} and a
 * closed content security policy. Thread-safe; close it to release the port.
 *
 * @since 0.1
 */
public final class ReadOnlyHttpServer implements AutoCloseable {

    /** Answers one GET or HEAD request; the exchange is closed afterwards. */
    @FunctionalInterface
    public interface Handler {
        /** Answers with {@link #send}. */
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private ReadOnlyHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving.
     *
     * @param address where to listen; port 0 picks a free one
     * @param what what it serves, for the error and the threads' name, e.g. {@code status page}
     * @param handler answers GET and HEAD requests
     * @throws UncheckedIOException naming {@code what} and the address if it cannot be bound
     */
    public static ReadOnlyHttpServer start(InetSocketAddress address, String what, Handler handler) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(handler, "handler");
        HttpServer http;
        try {
            http = HttpServer.create(address, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the " + what + " on " + address + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "piha-" + what.replace(' ', '-') + "-http");
            t.setDaemon(true);
            return t;
        });
        http.createContext("/", exchange -> {
            try (exchange) {
                String method = exchange.getRequestMethod();
                if (method.equals("GET") || method.equals("HEAD")) {
                    handler.handle(exchange);
                } else {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    send(exchange, 405, "text/plain; charset=utf-8", "read-only: use GET\n");
                }
            }
        });
        http.setExecutor(executor);
        http.start();
        return new ReadOnlyHttpServer(http, executor);
    }

    /** Sends a whole answer (headers only for HEAD). */
    public static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8470/}. */
    public URI url() {
        InetSocketAddress bound = server.getAddress();
        return URI.create("http://" + bound.getHostString() + ":" + bound.getPort() + "/");
    }

    /** The port listened on (useful when started on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops serving and releases the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
