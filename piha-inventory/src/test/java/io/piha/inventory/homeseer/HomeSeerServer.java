package io.piha.inventory.homeseer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** A HomeSeer JSON API on 127.0.0.1 that answers what a test sets, as HomeSeer answers it. */
final class HomeSeerServer implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private volatile String status = resource("getstatus.json");
    private volatile int code = 200;

    HomeSeerServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String kind = request.getRequestUrl().queryParameter("request");
                String body = "getstatus".equals(kind) ? status : "error\r\n";
                return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                        .setBody(body);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    static String resource(String name) {
        try (InputStream in = HomeSeerServer.class.getResourceAsStream("/homeseer/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpUrl url() {
        return server.url("/");
    }

    /** Answers getstatus with this body from now on. */
    void status(String body) {
        this.status = body;
    }

    /** The getstatus answer now, to edit. */
    String status() {
        return status;
    }

    /** Answers with this HTTP status code from now on. */
    void code(int code) {
        this.code = code;
    }

    /** The next request, skipping none; fails the test if none comes within two seconds. */
    RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request reached HomeSeer");
        }
        return r;
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
