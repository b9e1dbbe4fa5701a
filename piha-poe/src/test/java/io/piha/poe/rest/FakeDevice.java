package io.piha.poe.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A device on MockWebServer that keeps real port state and answers with the payloads the real device sends.
 * Device-side timers (power-cycle duration, toggle_after, Delay) run on a real scheduler.
 */
public abstract class FakeDevice extends Dispatcher implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-device-timer");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> portNames;
    private final Map<String, Boolean> powered = new LinkedHashMap<>();
    private final Map<String, List<Boolean>> history = new LinkedHashMap<>();
    volatile boolean garbled;

    FakeDevice(Set<String> portNames) {
        this.portNames = Set.copyOf(portNames);
        reset();
        server.setDispatcher(this);
        server.setServerSocketFactory(new NoDelayServerSockets());
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server on 127.0.0.1 that accepts requests and never answers. */
    static MockWebServer silent() {
        MockWebServer mute = new MockWebServer();
        mute.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.NO_RESPONSE);
            }
        });
        try {
            mute.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mute;
    }

    static URI uri(MockWebServer server) {
        String url = server.url("/").toString();
        return URI.create(url.substring(0, url.length() - 1));
    }

    /** Where the fake listens, e.g. {@code http://127.0.0.1:40123}. */
    public URI baseUri() {
        return uri(server);
    }

    int requestCount() {
        return server.getRequestCount();
    }

    synchronized boolean knows(String port) {
        return portNames.contains(port);
    }

    synchronized boolean isPowered(String port) {
        return powered.get(port);
    }

    synchronized List<Boolean> history(String port) {
        return List.copyOf(history.get(port));
    }

    synchronized void reset() {
        garbled = false;
        for (String p : portNames) {
            powered.put(p, true);
            history.put(p, new ArrayList<>());
        }
    }

    synchronized void power(String port, boolean on) {
        if (powered.put(port, on) != on) {
            history.get(port).add(on);
        }
    }

    void later(Duration delay, Runnable action) {
        timer.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public final MockResponse dispatch(RecordedRequest request) {
        if (garbled) {
            return json(200, "[{\"name\":\"ether2\",\"poe-out\":");
        }
        try {
            return answer(request);
        } catch (RuntimeException e) {
            return json(500, "{\"error\":500,\"message\":\"fake failed: " + e.getMessage() + "\"}");
        }
    }

    abstract MockResponse answer(RecordedRequest request);

    static JsonNode body(RecordedRequest request) {
        try {
            return DeviceHttp.JSON.readTree(request.getBody().readUtf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
