package io.piha.http.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The agent's leadership gate over HTTP, for applications that cannot speak MQTT (a Node-RED {@code http request}
 * node, a shell script with {@code curl -f}): {@code GET /gate} answers 200 only while this host leads the service
 * at the current epoch with a valid lease, else 503; the body is JSON
 * {@code {"service","host","leading","epoch","holder","reason"}}. {@code /gate/<service>} asks about one service
 * when the agent runs several; {@code /gate} is the first. Each request asks the gate anew, so an answer is never
 * older than the request; a gate that cannot tell answers 503 (it fails closed). Read-only, binds to 127.0.0.1 unless told otherwise. Thread-safe; close it to release the
 * port.
 *
 * @since 0.1
 */
public final class GateServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Supplier<GateView>> services;

    private GateServer(HttpServer server, ExecutorService executor, Map<String, Supplier<GateView>> services) {
        this.server = server;
        this.executor = executor;
        this.services = services;
    }

    /**
     * Starts serving.
     *
     * @param address where to listen, e.g. {@code 127.0.0.1:8471}; port 0 picks a free one
     * @param services the gate of each service, in order (the first answers {@code /gate}); at least one
     * @throws UncheckedIOException naming the address if it cannot be bound
     * @throws IllegalArgumentException if there is no service
     */
    public static GateServer start(InetSocketAddress address, Map<String, Supplier<GateView>> services) {
        Objects.requireNonNull(address, "address");
        if (services.isEmpty()) {
            throw new IllegalArgumentException("the gate needs at least one service");
        }
        HttpServer http;
        try {
            http = HttpServer.create(address, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the gate on " + address + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "piha-gate-http");
            t.setDaemon(true);
            return t;
        });
        GateServer gate = new GateServer(http, executor, new LinkedHashMap<>(services));
        http.createContext("/", gate::handle);
        http.setExecutor(executor);
        http.start();
        return gate;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8471/}. */
    public URI url() {
        InetSocketAddress bound = server.getAddress();
        return URI.create("http://" + bound.getHostString() + ":" + bound.getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "{\"error\":\"read-only: use GET\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Supplier<GateView> gate = path.equals("/gate") ? services.values().iterator().next()
                    : path.startsWith("/gate/") ? services.get(path.substring("/gate/".length())) : null;
            if (gate == null) {
                send(exchange, 404, "{\"error\":\"not found: ask /gate or /gate/<service> of " + services.keySet()
                        .stream().map(s -> s.replace("\"", "")).toList() + "\"}");
                return;
            }
            GateView v;
            try {
                v = gate.get();
            } catch (RuntimeException e) {
                // Fail closed: a gate that cannot tell must not let anything through.
                send(exchange, 503, "{\"leading\":false,\"reason\":\"the gate cannot tell: "
                        + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}");
                return;
            }
            send(exchange, v.mayAct() ? 200 : 503, json(v));
        }
    }

    private static String json(GateView v) {
        ObjectNode o = JSON.createObjectNode();
        o.put("service", v.service());
        o.put("host", v.host());
        o.put("leading", v.mayAct());
        o.put("epoch", v.epoch());
        if (v.holder().isPresent()) {
            o.put("holder", v.holder().get());
        } else {
            o.putNull("holder");
        }
        o.put("reason", v.reason());
        return o.toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops serving and releases the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
