package io.piha.mqtt;

import io.piha.api.Secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MqttBusConfigTest {

    @Test
    void defaultsAreThoseOfContractV1() {
        MqttBusConfig c = MqttBusConfig.ofDefaults();

        assertThat(c.broker()).isEqualTo("localhost:1883");
        assertThat(c.topics().state(ServiceName.HOME_ASSISTANT)).isEqualTo("piha/leader/home-assistant/state");
        assertThat(c.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.maxPayloadBytes()).isEqualTo(65_536);
        assertThat(c.protocol()).isEqualTo(MqttProtocol.AUTO);
        assertThat(c.signedCommandsRequired()).isFalse();
        assertThat(c.clientId()).isEqualTo("piha-observer");
    }

    @Test
    void stableClientIdFollowsTheAgentHost() {
        assertThat(MqttBusConfig.custom().agentHost(HostId.of("haos-standby")).build().clientId())
                .isEqualTo("piha-haos-standby");
    }

    @Test
    void invalidValuesAreRefusedByNameWhenBuilt() {
        assertThatThrownBy(() -> MqttBusConfig.custom().broker("nas", 70000).build()).hasMessageContaining("70000");
        assertThatThrownBy(() -> MqttBusConfig.custom().clientId("bad id!").build()).hasMessageContaining("bad id!");
        assertThatThrownBy(() -> MqttBusConfig.custom().topicPrefix("piha/#")).hasMessageContaining("piha/#");
        assertThatThrownBy(() -> MqttBusConfig.custom().heartbeatTimeout(Duration.ZERO).build())
                .hasMessageContaining("heartbeatTimeout");
        assertThatThrownBy(() -> MqttBusConfig.custom().maxPayloadBytes(10).build()).hasMessageContaining("10");
        assertThatThrownBy(() -> MqttBusConfig.custom()
                .reconnectBackoff(Duration.ofSeconds(10), Duration.ofSeconds(1)).build())
                .hasMessageContaining("PT1S");
        assertThatThrownBy(() -> MqttBusConfig.custom().tls(Path.of("/nonexistent/ca.pem")).build())
                .hasMessageContaining("/nonexistent/ca.pem");
    }

    @Test
    void toStringNeverShowsThePasswordOrTheSigningKey() {
        MqttBusConfig c = MqttBusConfig.custom().credentials("piha", Secret.of("hunter2"))
                .requireSignedCommands(Secret.of("s3cr3t-hmac")).build();

        assertThat(c.toString()).contains("piha").doesNotContain("hunter2").doesNotContain("s3cr3t-hmac")
                .contains(Secret.REDACTED);
        assertThat(Secret.of("hunter2")).hasToString(Secret.REDACTED);
        assertThat(c.password().orElseThrow().reveal()).isEqualTo("hunter2");
    }

    @Test
    void builtConfigDoesNotChangeWhenItsBuilderIsReused() {
        MqttBusConfig.Builder b = MqttBusConfig.custom().broker("nas", 1883);
        MqttBusConfig first = b.build();

        b.broker("other", 8883);

        assertThat(first.broker()).isEqualTo("nas:1883");
        assertThat(first.toBuilder().build().broker()).isEqualTo("nas:1883");
    }
}
