package io.piha.http.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertSink;
import io.piha.api.alert.Severity;
import io.piha.testkit.ManualClock;
import io.piha.http.alert.AlertsConfig;
import io.piha.testkit.http.LocalHttpServer;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertSinksTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-05-01T10:00:00Z"));

    @Test
    void theConfiguredSinksAllGetTheAlertsThatPassTheGrouping() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer().respond("/hook", 200, "").respond("/piha", 200, "{}")) {
            AlertsConfig config = new AlertsConfig(List.of(
                    new AlertsConfig.Sink.Webhook(server.url("/hook"), Optional.empty()),
                    new AlertsConfig.Sink.Ntfy(server.url("/"), "piha", Optional.empty())), Duration.ofMinutes(10), 2);
            GroupingAlertSink sink = AlertSinks.from(config, HttpClient.newHttpClient(), clock);

            for (int i = 0; i < 5; i++) {
                sink.send(Alert.of(clock.instant(), "probe_failed", Severity.WARNING, "ha-standby", "probe " + i));
            }

            assertThat(server.received()).extracting(LocalHttpServer.Received::path)
                    .containsExactly("/hook", "/piha", "/hook", "/piha");
        }
    }

    @Test
    void aSinkThatThrowsDoesNotKeepTheAlertFromTheOthers() {
        List<Alert> delivered = new ArrayList<>();
        AlertSink broken = alert -> {
            throw new IllegalStateException("disk full");
        };
        BroadcastAlertSink broadcast = new BroadcastAlertSink(List.of(broken, delivered::add));

        broadcast.send(Alert.of(clock.instant(), "promotion_blocked", Severity.CRITICAL, "home-assistant", "frozen"));

        assertThat(delivered).hasSize(1);
    }
}
