package io.piha.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.testkit.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebConfigTest {

    private static final Login LOGIN = Login.trustedHeader("X-Forwarded-User");

    @Test
    void theDefaultsAreLoopbackPort8080EightHourSessionsAndAnHourOnlineWindow() {
        WebConfig c = WebConfig.custom(LOGIN).build();
        assertThat(c.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.sessionIdle()).isEqualTo(Duration.ofHours(8));
        assertThat(c.onlineWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(c.secureCookies()).isFalse();
        assertThat(c.homeSeerPassword()).isEmpty();
        assertThat(c.maxUploadBytes()).isEqualTo(64L << 20);
    }

    @Test
    void badValuesAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> WebConfig.custom(LOGIN).port(70_000).build()).hasMessageContaining("port 70000");
        assertThatThrownBy(() -> WebConfig.custom(LOGIN).sessionIdle(Duration.ZERO).build())
                .hasMessageContaining("session idle time PT0S");
        assertThatThrownBy(() -> WebConfig.custom(LOGIN).onlineWindow(Duration.ofMinutes(-5)).build())
                .hasMessageContaining("online window PT-5M");
        assertThatThrownBy(() -> WebConfig.custom(LOGIN).maxUploadBytes(10).build()).hasMessageContaining("10 bytes");
        assertThatThrownBy(() -> WebConfig.custom(LOGIN).bindAddress(" ").build()).hasMessageContaining("bind address");
        assertThatThrownBy(() -> Login.trustedHeader("X User")).hasMessageContaining("'X User'");
        assertThatThrownBy(() -> Login.password(" ", Dashboards.HASH)).hasMessageContaining("dashboard user");
    }

    @Test
    void theOnlineWindowDecidesWhichDevicesCountAsOnline() {
        // the seed scan saw Fremont's devices at Estate.NOW and an old phone on 2026-01-01
        ManualClock clock = new ManualClock(Estate.NOW.plus(Duration.ofMinutes(30)));
        Estate.get();
        try (RunningWeb wide = Dashboards.start(Dashboards.config().clock(clock).onlineWindow(Duration.ofHours(1)).build());
             RunningWeb narrow = Dashboards.start(Dashboards.config().clock(clock).onlineWindow(Duration.ofMinutes(10))
                     .build())) {
            assertThat(online(wide)).isGreaterThanOrEqualTo(6);
            assertThat(online(narrow)).isZero();
        }
    }

    private static int online(RunningWeb web) {
        Http http = new Http(web.url());
        String token = http.login(Dashboards.USER, Dashboards.PASSWORD);
        http.post("/site", java.util.Map.of("_csrf", token, "site", Estate.get().fremont.id().toString(), "back", "/"));
        String html = http.get("/").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("status-online-text\">(\\d+)<").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
