package io.piha.http.probe;

import io.piha.testkit.http.LocalHttpServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.health.ProbeResult;
import io.piha.testkit.ManualClock;
import io.piha.api.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpProbesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static LocalHttpServer server;
    private static final HttpClient CLIENT = HttpHealthProbe.newClient(Duration.ofSeconds(1));
    private final ManualClock clock = new ManualClock(NOW);

    @BeforeAll
    static void startServer() throws Exception {
        server = new LocalHttpServer()
                .respond("/supervisor/ping", 200, "{\"result\":\"ok\",\"data\":{}}")
                .respond("/broken/supervisor/ping", 200, "{\"result\":\"error\",\"message\":\"busy\"}")
                .respond("/html/supervisor/ping", 200, "<html>proxy login</html>")
                .respond("/api/", 401, "401: Unauthorized")
                .respond("/token/api/", 200, "{\"message\":\"API running.\"}")
                .respond("/other/api/", 200, "{\"message\":\"something else\"}")
                .respond("/failing", 500, "{\"error\":\"boom\"}")
                .respond("/ok", 204, "")
                .hang("/never");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void supervisorThatAnswersOkIsUpWithTheClocksTimeAndAMeasuredLatency() {
        ProbeResult result = supervisor("/supervisor/ping").probe();

        assertThat(result).isInstanceOf(ProbeResult.Up.class);
        assertThat(result.at()).isEqualTo(NOW);
        assertThat(result.latency()).isPositive().isLessThan(TIMEOUT);
    }

    @Test
    void supervisorAnsweringAnotherResultOrNoJsonIsDown() {
        assertThat(supervisor("/broken/supervisor/ping").probe())
                .isInstanceOfSatisfying(ProbeResult.Down.class, d -> assertThat(d.reason()).contains("'error'"));
        assertThat(supervisor("/html/supervisor/ping").probe())
                .isInstanceOfSatisfying(ProbeResult.Down.class, d -> assertThat(d.reason()).contains("without JSON"));
    }

    @Test
    void supervisorAnsweringHttp500IsDown() {
        assertThat(supervisor("/failing").probe())
                .isInstanceOfSatisfying(ProbeResult.Down.class, d -> assertThat(d.reason()).contains("HTTP 500"));
    }

    @Test
    void homeAssistantAnswering401WithoutATokenProvesTheProcessIsUp() {
        ProbeResult result = homeAssistant("/api/", Optional.empty()).probe();

        assertThat(result).isInstanceOfSatisfying(ProbeResult.Up.class,
                up -> assertThat(up.detail()).isEqualTo("HTTP 401 (process up, no token)"));
        assertThat(server.received()).last().satisfies(r -> assertThat(r.header("Authorization")).isNull());
    }

    @Test
    void homeAssistantWithATokenSendsItAndChecksTheAnswer() {
        ProbeResult running = homeAssistant("/token/api/", Optional.of(Secret.of("llat-123"))).probe();
        assertThat(server.received()).last()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer llat-123"));
        ProbeResult other = homeAssistant("/other/api/", Optional.of(Secret.of("llat-123"))).probe();

        assertThat(running).isInstanceOfSatisfying(ProbeResult.Up.class,
                up -> assertThat(up.detail()).isEqualTo("API running"));
        assertThat(other).isInstanceOf(ProbeResult.Down.class);
    }

    @Test
    void homeAssistantRefusingTheTokenIsStillAProcessThatIsUp() {
        ProbeResult result = homeAssistant("/api/", Optional.of(Secret.of("expired"))).probe();

        assertThat(result).isInstanceOfSatisfying(ProbeResult.Up.class,
                up -> assertThat(up.detail()).contains("token refused"));
    }

    @Test
    void homeAssistantAnswering500IsDown() {
        assertThat(homeAssistant("/failing", Optional.empty()).probe()).isInstanceOf(ProbeResult.Down.class);
    }

    @Test
    void genericHttpIsUpInsideTheExpectedRangeAndDownOutside() {
        assertThat(generic("/ok", 200, 299).probe()).isInstanceOf(ProbeResult.Up.class);
        assertThat(generic("/failing", 200, 299).probe()).isInstanceOfSatisfying(ProbeResult.Down.class,
                d -> assertThat(d.reason()).isEqualTo("HTTP 500, expected 200-299"));
        assertThat(generic("/api/", 401, 401).probe()).isInstanceOf(ProbeResult.Up.class);
    }

    @Test
    void refusedConnectionIsUnreachableNamingHostAndPort() throws Exception {
        int port = LocalHttpServer.closedPort();
        ProbeResult result = new HttpStatusProbe("nothing", URI.create("http://127.0.0.1:" + port + "/"), 200, 299,
                TIMEOUT, CLIENT, clock).probe();

        assertThat(result).isInstanceOfSatisfying(ProbeResult.Unreachable.class,
                u -> assertThat(u.reason()).isEqualTo("127.0.0.1:" + port + " refused the connection"));
    }

    @Test
    void serverThatNeverAnswersIsUnreachableAfterTheTimeout() {
        Duration shortTimeout = Duration.ofMillis(300);
        ProbeResult result = new SupervisorPingProbe("haos", server.url("/never"), shortTimeout, CLIENT, clock)
                .probe();

        assertThat(result).isInstanceOfSatisfying(ProbeResult.Unreachable.class,
                u -> assertThat(u.reason()).endsWith("no answer within 300 ms"));
        assertThat(result.latency()).isGreaterThanOrEqualTo(shortTimeout).isLessThan(TIMEOUT);
    }

    @Test
    void describesWhatAndWhereButNeverTheToken() {
        HomeAssistantApiProbe probe = homeAssistant("/api/", Optional.of(Secret.of("llat-123")));

        assertThat(probe.describe()).contains("ha-standby core", "/api/").doesNotContain("llat-123");
    }

    @Test
    void rejectsNonHttpUrlsAndEmptyStatusRanges() {
        assertThatThrownBy(() -> new HttpStatusProbe("x", URI.create("ftp://nas/"), 200, 299, TIMEOUT, CLIENT, clock))
                .hasMessageContaining("ftp://nas/");
        assertThatThrownBy(() -> new HttpStatusProbe("x", server.url("/"), 300, 200, TIMEOUT, CLIENT, clock))
                .hasMessageContaining("300-200");
    }

    @Test
    void defaultUrlsFollowTheContract() {
        assertThat(SupervisorPingProbe.pingUrl("10.0.0.5")).hasToString("http://10.0.0.5:4357/supervisor/ping");
        assertThat(HomeAssistantApiProbe.apiUrl("10.0.0.6")).hasToString("http://10.0.0.6:8123/api/");
    }

    private SupervisorPingProbe supervisor(String path) {
        return new SupervisorPingProbe("haos-primary supervisor", server.url(path), TIMEOUT, CLIENT, clock);
    }

    private HomeAssistantApiProbe homeAssistant(String path, Optional<Secret> token) {
        return new HomeAssistantApiProbe("ha-standby core", server.url(path), token, TIMEOUT, CLIENT, clock);
    }

    private HttpStatusProbe generic(String path, int lowest, int highest) {
        return new HttpStatusProbe("generic", server.url(path), lowest, highest, TIMEOUT, CLIENT, clock);
    }
}
