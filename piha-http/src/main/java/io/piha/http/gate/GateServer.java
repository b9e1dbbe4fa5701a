package io.piha.http.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.piha.http.server.ReadOnlyHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The agent's leadership gate over HTTP, for applications that cannot speak MQTT (a Node-RED {@code http request}
 * node, a shell script with {@code curl -f}): {@code GET /gate} answers 200 only while this host leads the service
 * at the current epoch with a valid lease, else 503; the body is JSON
 * {@code {"service","host","leading","epoch","holder","reason"}}. {@code /gate/<service>} asks about one service
 * when the agent runs several; {@code /gate} is the first. Each request asks the gate anew, so an answer is never
 * older than the request; a gate that cannot tell answers 503 (it fails closed). Read-only, binds to 127.0.0.1
 * unless told otherwise. Thread-safe; close it to release the port.
 *
 * @since 0.1
 */
public final class GateServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = "application/json";

    private final Map<String, Supplier<GateView>> services;
    private final ReadOnlyHttpServer server;

    private GateServer(InetSocketAddress address, Map<String, Supplier<GateView>> services) {
        this.services = new LinkedHashMap<>(services); // before serving: handle() reads it
        this.server = ReadOnlyHttpServer.start(address, "gate", this::handle);
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
        if (services.isEmpty()) {
            throw new IllegalArgumentException("the gate needs at least one service");
        }
        return new GateServer(address, services);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8471/}. */
    public URI url() {
        return server.url();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Supplier<GateView> gate = path.equals("/gate") ? services.values().iterator().next()
                : path.startsWith("/gate/") ? services.get(path.substring("/gate/".length())) : null;
        if (gate == null) {
            ReadOnlyHttpServer.send(exchange, 404, TYPE, "{\"error\":\"not found: ask /gate or /gate/<service> of "
                    + services.keySet().stream().map(s -> s.replace("\"", "")).toList() + "\"}\n");
            return;
        }
        GateView v;
        try {
            v = gate.get();
        } catch (RuntimeException e) {
            // Fail closed: a gate that cannot tell must not let anything through.
            ReadOnlyHttpServer.send(exchange, 503, TYPE, "{\"leading\":false,\"reason\":\"the gate cannot tell: "
                    + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}\n");
            return;
        }
        ReadOnlyHttpServer.send(exchange, v.mayAct() ? 200 : 503, TYPE, json(v) + "\n");
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

    /** Stops serving and releases the port. */
    @Override
    public void close() {
        server.close();
    }
}
