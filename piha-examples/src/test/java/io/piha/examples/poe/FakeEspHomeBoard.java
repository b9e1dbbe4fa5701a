package io.piha.examples.poe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An ESPHome relay board's web_server on 127.0.0.1, on the JDK's HTTP server: state, history and auth. */
final class FakeEspHomeBoard implements AutoCloseable {

    private final HttpServer server;
    private final String authorization;
    private final Set<String> relays;
    private final Map<String, Boolean> on = new LinkedHashMap<>();
    private final Map<String, List<Boolean>> history = new LinkedHashMap<>();

    FakeEspHomeBoard(String user, String password, Set<String> relays) {
        this.relays = Set.copyOf(relays);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        reset();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/switch/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized void reset() {
        relays.forEach(r -> {
            on.put(r, true);
            history.put(r, new ArrayList<>());
        });
    }

    synchronized boolean isOn(String relay) {
        return on.get(relay);
    }

    synchronized List<Boolean> history(String relay) {
        return List.copyOf(history.get(relay));
    }

    private synchronized void set(String relay, boolean value) {
        if (on.put(relay, value) != value) {
            history.get(relay).add(value);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        String relay = parts.length > 2 ? parts[2] : "";
        if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "");
        } else if (!relays.contains(relay)) {
            reply(exchange, 404, "");
        } else if (parts.length == 4 && exchange.getRequestMethod().equals("POST")) {
            set(relay, parts[3].equals("turn_on"));
            reply(exchange, 200, "");
        } else {
            boolean value = isOn(relay);
            reply(exchange, 200, "{\"id\":\"switch-" + relay + "\",\"value\":" + value + ",\"state\":\""
                    + (value ? "ON" : "OFF") + "\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
