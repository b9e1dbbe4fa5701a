package io.piha.http.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StatusServerTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final AtomicReference<StatusSnapshot> CURRENT = new AtomicReference<>();
    private static StatusServer server;

    @BeforeAll
    static void start() {
        CURRENT.set(SampleStatus.failoverInProgress());
        server = StatusServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), () -> {
            StatusSnapshot s = CURRENT.get();
            if (s == null) {
                throw new IllegalStateException("arbiter not started");
            }
            return s;
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.port()).isPositive();
    }

    @Test
    void servesThePageTheJsonAndTheMetrics() throws Exception {
        HttpResponse<String> page = get("/");
        HttpResponse<String> json = get("/status.json");
        HttpResponse<String> metrics = get("/metrics");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("awaiting_recovery");
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json.body()).contains("\"epoch\" : 7");
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue(StatusMetrics.CONTENT_TYPE);
        assertThat(metrics.body()).contains("piha_leader_epoch{service=\"home-assistant\"} 7");
        assertThat(get("/healthz").body()).isEqualTo("ok\n");
    }

    @Test
    void eachRequestShowsTheSnapshotOfThatMoment() throws Exception {
        CURRENT.set(SampleStatus.empty());
        try {
            assertThat(get("/").body()).contains("Nothing queued.");
        } finally {
            CURRENT.set(SampleStatus.failoverInProgress());
        }
    }

    @Test
    void unknownPathsAre404AndWritesAreRefused() throws Exception {
        assertThat(get("/admin").statusCode()).isEqualTo(404);
        HttpResponse<String> post = CLIENT.send(HttpRequest.newBuilder(server.url().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString("promote")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void aFailingSnapshotIs503NotADeadServer() throws Exception {
        StatusSnapshot before = CURRENT.getAndSet(null);
        try {
            assertThat(get("/").statusCode()).isEqualTo(503);
        } finally {
            CURRENT.set(before);
        }
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        URI uri = server.url().resolve(path);
        return CLIENT.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
