package io.piha.http.actuator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.FencingToken;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HomeAssistantAutomationsTest {

    private static final FencingToken TOKEN = new FencingToken(ServiceName.HOME_ASSISTANT, HostId.of("ha-standby"), Epoch.of(4));
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private HttpServer ha;
    private URI base;

    @BeforeEach
    void startHomeAssistant() throws IOException {
        ha = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ha.createContext("/api/services/automation/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = "Bearer good-token".equals(auth);
            calls.add(exchange.getRequestURI().getPath() + " " + body);
            byte[] answer = (ok ? "[]" : "401: Unauthorized").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok ? 200 : 401, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        ha.start();
        base = URI.create("http://127.0.0.1:" + ha.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        ha.stop(0);
    }

    @Test
    void promotionTurnsTheAutomationsOnAndDemotionTurnsThemOff() {
        var actuator = new HomeAssistantAutomations(base, () -> "good-token", "all", Duration.ofSeconds(2));

        actuator.activate(TOKEN);
        actuator.deactivate("demoted");

        assertThat(calls).containsExactly("/api/services/automation/turn_on {\"entity_id\":\"all\"}",
                "/api/services/automation/turn_off {\"entity_id\":\"all\"}");
    }

    @Test
    void aRefusedTokenIsAClearErrorThatDoesNotShowTheToken() {
        var actuator = new HomeAssistantAutomations(base, () -> "stale-token", "all", Duration.ofSeconds(2));

        assertThatThrownBy(() -> actuator.activate(TOKEN)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused the token (HTTP 401)").hasMessageNotContaining("stale-token");
        assertThat(actuator.toString()).doesNotContain("stale-token");
    }

    @Test
    void anUnreachableInstanceNamesItsAddress() {
        ha.stop(0);
        var actuator = new HomeAssistantAutomations(base, () -> "good-token", "all", Duration.ofSeconds(1));

        assertThatThrownBy(() -> actuator.deactivate("fenced")).hasMessageContaining(base.toString()).hasMessageContaining("unreachable");
    }
}
