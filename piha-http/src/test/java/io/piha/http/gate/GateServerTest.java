package io.piha.http.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP gate on its own: status codes, the JSON body, routing by service, read-only, failing closed. */
class GateServerTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicReference<GateView> homeAssistant = new AtomicReference<>(
            new GateView("home-assistant", "haos-standby", false, 3, Optional.of("haos-primary"), "not the leader"));
    private final AtomicReference<RuntimeException> broken = new AtomicReference<>();
    private GateServer server;

    @BeforeEach
    void start() {
        Map<String, Supplier<GateView>> services = new LinkedHashMap<>();
        services.put("home-assistant", homeAssistant::get);
        services.put("zigbee2mqtt", () -> {
            if (broken.get() != null) {
                throw broken.get();
            }
            return new GateView("zigbee2mqtt", "haos-standby", true, 5, Optional.of("haos-standby"), "leader");
        });
        server = GateServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), services);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answers503WithTheReasonWhileNotLeadingAnd200WhileLeading() throws Exception {
        HttpResponse<String> closed = get("GET", "/gate");
        assertThat(closed.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(closed.body());
        assertThat(body.get("leading").asBoolean()).isFalse();
        assertThat(body.get("epoch").asLong()).isEqualTo(3);
        assertThat(body.get("holder").asText()).isEqualTo("haos-primary");
        assertThat(body.get("reason").asText()).isEqualTo("not the leader");
        assertThat(closed.headers().firstValue("Cache-Control")).hasValue("no-store");

        homeAssistant.set(new GateView("home-assistant", "haos-standby", true, 4, Optional.of("haos-standby"), "leader"));
        HttpResponse<String> open = get("GET", "/gate");
        assertThat(open.statusCode()).as("each request asks anew").isEqualTo(200);
        assertThat(JSON.readTree(open.body()).get("epoch").asLong()).isEqualTo(4);
    }

    @Test
    void gateIsTheFirstServiceAndEachServiceHasItsOwnPath() throws Exception {
        assertThat(get("GET", "/gate/zigbee2mqtt").statusCode()).isEqualTo(200);
        assertThat(get("GET", "/gate/home-assistant").statusCode()).isEqualTo(503);
        HttpResponse<String> unknown = get("GET", "/gate/node-red");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("home-assistant", "zigbee2mqtt");
        assertThat(get("GET", "/").statusCode()).isEqualTo(404);
    }

    @Test
    void headAnswersTheStatusAndOtherMethodsAreRefused() throws Exception {
        assertThat(get("HEAD", "/gate/zigbee2mqtt").statusCode()).isEqualTo(200);
        HttpResponse<String> post = get("POST", "/gate");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void aGateThatCannotTellFailsClosed() throws Exception {
        broken.set(new IllegalStateException("agent stopped"));
        HttpResponse<String> answer = get("GET", "/gate/zigbee2mqtt");
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("agent stopped");
    }

    @Test
    void aPortInUseIsNamed() {
        InetSocketAddress taken = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.url().getPort());
        assertThatThrownBy(() -> GateServer.start(taken, Map.of("home-assistant", homeAssistant::get)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot serve the gate on")
                .hasMessageContaining(String.valueOf(server.url().getPort()));
    }

    private HttpResponse<String> get(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
