package io.piha.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.ServiceName;
import io.piha.api.recovery.HostPower;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.MqttLeadershipBus;
import io.piha.runtime.ControlPlane;
import io.piha.testkit.http.LocalHttpServer;
import io.piha.testkit.mqtt.EmbeddedHiveMq;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedControlPlaneTest {

    @TempDir
    Path dir;

    @Test
    void theEmbeddedControlPlaneRecognisesTheLeaderOverARealBroker() throws Exception {
        try (EmbeddedHiveMq broker = EmbeddedHiveMq.start();
             LocalHttpServer hosts = new LocalHttpServer().respond("/supervisor/ping", 200, "{\"result\":\"ok\"}");
             MqttLeadershipBus bus = MqttLeadershipBus.connect(MqttBusConfig.custom().broker("127.0.0.1", broker.port())
                     .clientId("example").services(ServiceName.HOME_ASSISTANT).build());
             ControlPlane cp = EmbeddedControlPlane.start(bus, hosts.url("/supervisor/ping"),
                     hosts.url("/supervisor/ping"), HostPower.NONE, dir, Clock.systemUTC())) {

            bus.publish(new LeadershipMessage.HeartbeatPublished(ServiceName.HOME_ASSISTANT,
                    Heartbeat.of(HostId.of("haos-primary"), Clock.systemUTC().instant())));

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (cp.state().leader().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(cp.state().leader()).contains(HostId.of("haos-primary"));
        }
    }
}
