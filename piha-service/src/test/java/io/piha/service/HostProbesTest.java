package io.piha.service;

import io.piha.http.probe.HttpStatusProbe;
import io.piha.http.probe.HttpHealthProbe;
import io.piha.testkit.http.LocalHttpServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.health.HealthProbe;
import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.HostId;
import io.piha.testkit.ManualClock;
import io.piha.service.config.HostConfig;
import io.piha.http.probe.ProbeConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HostProbesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient CLIENT = HttpHealthProbe.newClient(Duration.ofSeconds(1));
    private static LocalHttpServer server;
    private static URI refused;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-05-01T10:00:00Z"));

    @BeforeAll
    static void start() throws Exception {
        server = new LocalHttpServer()
                .respond("/api/", 401, "401: Unauthorized")
                .respond("/supervisor/ping", 502, "Bad Gateway");
        refused = URI.create("http://127.0.0.1:" + LocalHttpServer.closedPort() + "/supervisor/ping");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aHostIsUpWhenAnyOfItsProbesFindsItUp() {
        HealthProbe probe = HostProbes.forHost(host(
                new ProbeConfig.Supervisor(refused, TIMEOUT),
                new ProbeConfig.HomeAssistant(server.url("/api/"), Optional.empty(), TIMEOUT)), CLIENT, clock);

        ProbeResult result = probe.probe();

        assertThat(result).isInstanceOfSatisfying(ProbeResult.Up.class,
                up -> assertThat(up.detail()).isEqualTo("HTTP 401 (process up, no token)"));
        assertThat(probe.describe()).startsWith("haos-primary (any of: haos-primary supervisor");
    }

    @Test
    void aHostThatAnswersBadlyIsDownWithEveryReason() {
        HealthProbe probe = HostProbes.forHost(host(
                new ProbeConfig.Supervisor(refused, TIMEOUT),
                new ProbeConfig.Supervisor(server.url("/supervisor/ping"), TIMEOUT)), CLIENT, clock);

        assertThat(probe.probe()).isInstanceOfSatisfying(ProbeResult.Down.class, down ->
                assertThat(down.reason()).contains("refused the connection", "supervisor answered HTTP 502"));
    }

    @Test
    void aHostThatNeverAnswersIsUnreachable() {
        HealthProbe probe = HostProbes.forHost(host(
                new ProbeConfig.Supervisor(refused, TIMEOUT),
                new ProbeConfig.Tcp("127.0.0.1", refused.getPort(), TIMEOUT)), CLIENT, clock);

        assertThat(probe.probe()).isInstanceOf(ProbeResult.Unreachable.class);
    }

    @Test
    void aSingleProbeIsUsedAsItIs() {
        HealthProbe probe = HostProbes.forHost(host(new ProbeConfig.Http(server.url("/api/"), 401, 401, TIMEOUT)),
                CLIENT, clock);

        assertThat(probe).isInstanceOf(HttpStatusProbe.class);
        assertThat(probe.probe().isUp()).isTrue();
    }

    private static HostConfig host(ProbeConfig... probes) {
        return new HostConfig(HostId.of("haos-primary"), List.of(probes), Optional.empty());
    }
}
