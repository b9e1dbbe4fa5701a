package io.piha.http.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.piha.api.alert.Alert;
import io.piha.api.alert.Severity;
import io.piha.api.Secret;
import io.piha.testkit.http.LocalHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpAlertSinksTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Alert MISSED = new Alert(Instant.parse("2026-05-01T10:00:00Z"), "haos_heartbeat_missed",
            Severity.WARNING, "home-assistant", "haos-primary missed its heartbeat for 90 s (epoch 7)",
            Map.of("host", "haos-primary", "epoch", "7"));
    private static LocalHttpServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new LocalHttpServer()
                .respond("/hook", 204, "")
                .respond("/piha-home", 200, "{\"id\":\"abc\"}")
                .respond("/api/services/notify/mobile_app_pixel", 200, "[]")
                .respond("/broken", 500, "{}")
                .hang("/slow");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void forgetRequests() {
        server.clear();
    }

    @Test
    void webhookPostsTheAlertAsJsonWithTheBearerToken() throws Exception {
        WebhookAlertSink sink = new WebhookAlertSink(server.url("/hook"), Optional.of(Secret.of("hook-secret")),
                CLIENT, TIMEOUT);

        sink.send(MISSED);

        LocalHttpServer.Received request = server.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("Bearer hook-secret");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonNode json = new ObjectMapper().readTree(request.body());
        assertThat(json.get("ts").asText()).isEqualTo("2026-05-01T10:00:00Z");
        assertThat(json.get("code").asText()).isEqualTo("haos_heartbeat_missed");
        assertThat(json.get("severity").asText()).isEqualTo("warning");
        assertThat(json.get("subject").asText()).isEqualTo("home-assistant");
        assertThat(json.get("message").asText()).contains("epoch 7");
        assertThat(json.get("details").get("host").asText()).isEqualTo("haos-primary");
        assertThat(sink.delivered()).isEqualTo(1);
        assertThat(sink.failed()).isZero();
    }

    @Test
    void ntfyPostsTheMessageWithTitlePriorityAndTags() {
        NtfyAlertSink sink = new NtfyAlertSink(server.url(""), "piha-home", Optional.empty(), CLIENT, TIMEOUT);
        Alert blocked = Alert.of(MISSED.timestamp(), "promotion_blocked", Severity.CRITICAL, "home-assistant",
                "promotion blocked: ha-standby does not answer");

        sink.send(MISSED);
        sink.send(blocked);

        assertThat(server.received()).hasSize(2);
        LocalHttpServer.Received warning = server.received().get(0);
        assertThat(warning.path()).isEqualTo("/piha-home");
        assertThat(warning.body()).isEqualTo(MISSED.message());
        assertThat(warning.header("Title")).isEqualTo("[warning] home-assistant: haos_heartbeat_missed");
        assertThat(warning.header("Priority")).isEqualTo("high");
        assertThat(warning.header("Tags")).isEqualTo("warning,haos_heartbeat_missed");
        assertThat(warning.header("Authorization")).isNull();
        assertThat(server.received().get(1).header("Priority")).isEqualTo("urgent");
        assertThat(sink.delivered()).isEqualTo(2);
    }

    @Test
    void ntfyEncodesTitlesThatAreNotAscii() {
        assertThat(NtfyAlertSink.headerValue("Küche offline")).isEqualTo("=?UTF-8?B?S8O8Y2hlIG9mZmxpbmU=?=");
        assertThat(NtfyAlertSink.headerValue("plain")).isEqualTo("plain");
    }

    @Test
    void homeAssistantNotifyCallsTheServiceWithTokenTitleAndMessage() throws Exception {
        HomeAssistantNotifySink sink = new HomeAssistantNotifySink(server.url("/"), "mobile_app_pixel",
                Secret.of("llat-abc"), CLIENT, TIMEOUT);

        sink.send(MISSED);

        LocalHttpServer.Received request = server.received().get(0);
        assertThat(request.path()).isEqualTo("/api/services/notify/mobile_app_pixel");
        assertThat(request.header("Authorization")).isEqualTo("Bearer llat-abc");
        JsonNode json = new ObjectMapper().readTree(request.body());
        assertThat(json.get("title").asText()).isEqualTo("[warning] home-assistant: haos_heartbeat_missed");
        assertThat(json.get("message").asText()).isEqualTo(MISSED.message());
        assertThat(sink.delivered()).isEqualTo(1);
    }

    @Test
    void anErrorAnswerIsCountedNotThrown() {
        WebhookAlertSink sink = new WebhookAlertSink(server.url("/broken"), Optional.empty(), CLIENT, TIMEOUT);

        assertThatCode(() -> sink.send(MISSED)).doesNotThrowAnyException();

        assertThat(sink.failed()).isEqualTo(1);
        assertThat(sink.delivered()).isZero();
    }

    @Test
    void aRefusedConnectionOrASilentServerIsCountedNotThrown() throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:" + LocalHttpServer.closedPort() + "/");
        NtfyAlertSink refused = new NtfyAlertSink(nowhere, "piha", Optional.empty(), CLIENT, TIMEOUT);
        WebhookAlertSink silent = new WebhookAlertSink(server.url("/slow"), Optional.empty(), CLIENT,
                Duration.ofMillis(300));

        assertThatCode(() -> refused.send(MISSED)).doesNotThrowAnyException();
        assertThatCode(() -> silent.send(MISSED)).doesNotThrowAnyException();

        assertThat(refused.failed()).isEqualTo(1);
        assertThat(silent.failed()).isEqualTo(1);
    }

    @Test
    void destinationsNeverShowTheToken() {
        HomeAssistantNotifySink sink = new HomeAssistantNotifySink(server.url("/"), "notify_all",
                Secret.of("llat-abc"), CLIENT, TIMEOUT);

        assertThat(sink.destination()).doesNotContain("llat-abc");
        assertThat(Secret.of("llat-abc")).hasToString("******");
    }
}
