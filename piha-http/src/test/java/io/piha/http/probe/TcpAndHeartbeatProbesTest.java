package io.piha.http.probe;

import io.piha.testkit.http.LocalHttpServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.health.ProbeResult;
import io.piha.testkit.ManualClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TcpAndHeartbeatProbesTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private final ManualClock clock = new ManualClock(NOW);

    @Test
    void tcpPortThatAcceptsIsUp() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ProbeResult result = new TcpConnectProbe("broker", "127.0.0.1", listening.getLocalPort(),
                    Duration.ofSeconds(2), clock).probe();

            assertThat(result).isInstanceOf(ProbeResult.Up.class);
            assertThat(result.at()).isEqualTo(NOW);
        }
    }

    @Test
    void tcpPortThatRefusesIsUnreachable() throws Exception {
        int port = LocalHttpServer.closedPort();
        ProbeResult result = new TcpConnectProbe("broker", "127.0.0.1", port, Duration.ofSeconds(2), clock).probe();

        assertThat(result).isInstanceOfSatisfying(ProbeResult.Unreachable.class,
                u -> assertThat(u.reason()).isEqualTo("127.0.0.1:" + port + " refused the connection"));
    }

    @Test
    void unknownHostIsUnreachableNotAnException() {
        ProbeResult result = new TcpConnectProbe("nas", "no-such-host.invalid", 22, Duration.ofSeconds(2), clock)
                .probe();

        assertThat(result).isInstanceOf(ProbeResult.Unreachable.class);
    }

    @Test
    void heartbeatYoungerThanTheMaximumAgeIsUpAndTurnsDownAsTheClockMoves() {
        AtomicReference<Optional<Instant>> last = new AtomicReference<>(Optional.of(NOW.minusSeconds(30)));
        HeartbeatFreshnessProbe probe = new HeartbeatFreshnessProbe("haos-primary heartbeat", last::get,
                Duration.ofSeconds(90), clock);

        assertThat(probe.probe()).isInstanceOf(ProbeResult.Up.class);
        clock.advance(Duration.ofSeconds(60));
        assertThat(probe.probe()).isInstanceOfSatisfying(ProbeResult.Down.class,
                d -> assertThat(d.reason()).isEqualTo("heartbeat 90 s old, limit 90 s"));
        last.set(Optional.of(clock.instant()));
        assertThat(probe.probe()).isInstanceOf(ProbeResult.Up.class);
    }

    @Test
    void noHeartbeatYetIsDown() {
        HeartbeatFreshnessProbe probe = new HeartbeatFreshnessProbe("ha-standby heartbeat", Optional::empty,
                Duration.ofSeconds(90), clock);

        assertThat(probe.probe()).isInstanceOfSatisfying(ProbeResult.Down.class,
                d -> assertThat(d.reason()).isEqualTo("no heartbeat seen yet"));
    }
}
