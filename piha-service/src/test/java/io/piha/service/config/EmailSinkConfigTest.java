package io.piha.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.http.alert.AlertsConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code alerts.sinks[]} of {@code type: email}: defaults by security, and every bad value named. */
class EmailSinkConfigTest {

    private static ControlPlaneConfig parse(String sink) {
        return new ConfigLoader(Map.of("SMTP_PASSWORD", "pw-123")).parseControlPlane("control-plane.yaml", """
                broker: {url: "mqtt://127.0.0.1:1883"}
                services: [{name: home-assistant, primary: a, standby: b, fencing: confirmed_dead}]
                hosts:
                  - {id: a, probes: [{type: tcp, address: "127.0.0.1:1"}]}
                  - {id: b, probes: [{type: tcp, address: "127.0.0.1:1"}]}
                alerts:
                  sinks:
                    - %s
                """.formatted(sink));
    }

    private static AlertsConfig.Sink.Email email(String sink) {
        return (AlertsConfig.Sink.Email) parse(sink).alerts().sinks().get(0);
    }

    @Test
    void securityPicksThePortUnlessOneIsGiven() {
        assertThat(email("{type: email, host: mail.lan, from: p@h.lan, to: [o@h.lan]}").port()).isEqualTo(587);
        assertThat(email("{type: email, host: mail.lan, security: smtps, from: p@h.lan, to: [o@h.lan]}").port())
                .isEqualTo(465);
        assertThat(email("{type: email, host: mail.lan, security: none, from: p@h.lan, to: [o@h.lan]}").port())
                .isEqualTo(25);
        assertThat(email("{type: email, host: mail.lan, port: 2525, from: p@h.lan, to: [o@h.lan]}").port())
                .isEqualTo(2525);
    }

    @Test
    void credentialsComeInPairsAndNeverWithoutEncryption() {
        AlertsConfig.Sink.Email ok = email("{type: email, host: mail.lan, username: p@h.lan, "
                + "password: '${SMTP_PASSWORD}', from: p@h.lan, to: [o@h.lan]}");
        assertThat(ok.password().orElseThrow().reveal()).isEqualTo("pw-123");

        assertThatThrownBy(() -> parse("{type: email, host: mail.lan, username: u, from: p@h.lan, to: [o@h.lan]}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.sinks[0].password: is required");
        assertThatThrownBy(() -> parse("{type: email, host: mail.lan, security: none, username: u, "
                + "password: '${SMTP_PASSWORD}', from: p@h.lan, to: [o@h.lan]}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.sinks[0].security")
                .hasMessageNotContaining("pw-123");
    }

    @Test
    void badAddressesAndMissingRecipientsAreNamed() {
        assertThatThrownBy(() -> parse("{type: email, host: mail.lan, from: nobody, to: [o@h.lan, 'x y']}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerts.sinks[0].from: is not a mail address (value: nobody)")
                .hasMessageContaining("alerts.sinks[0].to: is not a mail address (value: x y)");
        assertThatThrownBy(() -> parse("{type: email, host: mail.lan, from: p@h.lan}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.sinks[0].to: needs at least one");
        assertThatThrownBy(() -> parse("{type: email, host: mail.lan, security: tls, from: p@h.lan, to: [o@h.lan]}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.sinks[0].security");
    }
}
