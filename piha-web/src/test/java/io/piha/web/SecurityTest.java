package io.piha.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.testkit.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a browser does not show: the login gate, CSRF refusals, secure headers, the cookie, the bind address. */
class SecurityTest {

    static RunningWeb web;

    @BeforeAll
    static void start() {
        web = Dashboards.start();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void itListensOnLoopbackOnlyByDefault() {
        assertThat(WebConfig.custom(Login.trustedHeader("X-User")).build().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(web.url().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void everyPageButTheLoginAsksWhoYouAre() {
        Http http = new Http(web.url());
        for (String path : new String[] {"/", "/devices", "/topology.json", "/reports/devices.csv", "/audit"}) {
            HttpResponse<String> r = http.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(path).hasValue("/login");
        }
        assertThat(http.get("/login").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        Http http = new Http(web.url());
        String token = Http.csrf(http.get("/login").body());
        HttpResponse<String> r = http.post("/login", Map.of("_csrf", token, "user", Dashboards.USER, "password", "nope"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("Wrong user or password").contains("value=\"rohit\"").doesNotContain("nope");
        assertThat(http.get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void aPostWithoutTheSessionsTokenChangesNothing() {
        Http http = new Http(web.url());
        String token = http.login(Dashboards.USER, Dashboards.PASSWORD);
        Map<String, String> org = Map.of("slug", "csrf-probe", "name", "CSRF probe");
        HttpResponse<String> refused = http.post("/organisations", org);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(http.post("/organisations", Map.of("_csrf", "forged", "slug", "csrf-probe", "name", "x")).statusCode())
                .isEqualTo(403);
        assertThat(Estate.get().store.organisations().findBySlug(io.piha.api.inventory.Slug.of("csrf-probe"))).isEmpty();
        HttpResponse<String> viaHeader = http.post("/organisations", org, "X-CSRF-Token", token);
        assertThat(viaHeader.statusCode()).isEqualTo(303);
        assertThat(Estate.get().store.organisations().findBySlug(io.piha.api.inventory.Slug.of("csrf-probe"))).isPresent();
    }

    @Test
    void everyAnswerCarriesTheSecureHeaders() {
        Http http = new Http(web.url());
        for (String path : new String[] {"/login", "/assets/app.css", "/nowhere"}) {
            var h = http.get(path).headers();
            assertThat(h.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
            assertThat(h.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(h.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(h.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndSecureWhenAsked() {
        String plain = new Http(web.url()).get("/login").headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(plain).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
        try (RunningWeb secure = Dashboards.start(Dashboards.config().secureCookies(true).build())) {
            assertThat(new Http(secure.url()).get("/login").headers().firstValue("Set-Cookie").orElseThrow())
                    .contains("; Secure");
        }
    }

    @Test
    void loggingInGivesANewSessionId() {
        Http http = new Http(web.url());
        http.get("/login");
        String before = http.cookie().orElseThrow();
        http.login(Dashboards.USER, Dashboards.PASSWORD);
        assertThat(http.cookie().orElseThrow()).isNotEqualTo(before);
    }

    @Test
    void aSessionUnusedForTheIdleTimeIsForgotten() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
        try (RunningWeb brief = Dashboards.start(Dashboards.config().clock(clock).sessionIdle(Duration.ofMinutes(30))
                .build())) {
            Http http = new Http(brief.url());
            http.login(Dashboards.USER, Dashboards.PASSWORD);
            clock.advance(Duration.ofMinutes(29));
            assertThat(http.get("/").statusCode()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(31));
            assertThat(http.get("/").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void behindAProxyTheTrustedHeaderNamesTheUser() {
        try (RunningWeb proxied = Dashboards.start(WebConfig.custom(Login.trustedHeader("X-Forwarded-User")).port(0)
                .build())) {
            Http http = new Http(proxied.url());
            assertThat(http.get("/").statusCode()).isEqualTo(401);
            HttpResponse<String> r = http.get("/", "X-Forwarded-User", "priya");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("priya").doesNotContain("Log out");
        }
    }

    @Test
    void aBodyLargerThanTheMaximumIsRefused() {
        try (RunningWeb small = Dashboards.start(Dashboards.config().maxUploadBytes(2048).build())) {
            Http http = new Http(small.url());
            String token = http.login(Dashboards.USER, Dashboards.PASSWORD);
            HttpResponse<String> r = http.post("/organisations", Map.of("_csrf", token, "name", "x".repeat(4096)));
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("larger than 2048 bytes");
        }
    }

    @Test
    void noPageShowsThePasswordHashOrTheHomeSeerPassword() {
        try (RunningWeb withSecret = Dashboards.start(Dashboards.config()
                .homeSeerPassword(java.util.Optional.of(io.piha.api.Secret.of("hs-secret-42"))).build())) {
            Http http = new Http(withSecret.url());
            http.login(Dashboards.USER, Dashboards.PASSWORD);
            for (String path : new String[] {"/", "/sync", "/devices", "/audit", "/reports"}) {
                String body = http.get(path).body();
                assertThat(body).as(path).doesNotContain("hs-secret-42").doesNotContain(Dashboards.HASH.encoded())
                        .doesNotContain("pbkdf2");
            }
        }
    }
}
