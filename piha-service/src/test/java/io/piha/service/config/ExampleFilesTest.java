package io.piha.service.config;

import io.piha.http.alert.AlertsConfig;
import io.piha.http.audit.AuditConfig;
import io.piha.http.probe.ProbeConfig;
import io.piha.api.Secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import io.piha.api.recovery.PortAddress;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.FencingMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example files of docs/configuration.md load and mean what the documentation says. */
class ExampleFilesTest {

    static final Map<String, String> ENV = Map.of(
            "PIHA_MQTT_PASSWORD", "mqtt-pass-123",
            "SWITCH_AUTH_PASSWORD", "auth-pass-123",
            "SWITCH_PRIV_PASSWORD", "priv-pass-123",
            "HA_STANDBY_TOKEN", "llat-standby",
            "HA_TOKEN", "llat-local",
            "SMTP_PASSWORD", "smtp-pass-123");

    static Path example(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/examples").resolve(name);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/examples/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void theControlPlaneExampleLoads() {
        ControlPlaneConfig config = new ConfigLoader(ENV).loadControlPlane(example("control-plane.yaml"));

        assertThat(config.site()).isEqualTo("home");
        assertThat(config.broker().host()).isEqualTo("mqtt.home.lan");
        assertThat(config.broker().port()).isEqualTo(8883);
        assertThat(config.broker().tls()).isTrue();
        assertThat(config.broker().password()).map(Secret::reveal).hasValue("mqtt-pass-123");
        assertThat(config.broker().signingKey()).as("unset with an empty default means absent").isEmpty();

        ServiceConfig ha = config.services().get(0);
        assertThat(ha.name()).isEqualTo(ServiceName.HOME_ASSISTANT);
        assertThat(ha.topology().primary()).isEqualTo(HostId.of("haos-primary"));
        assertThat(ha.fencing()).isEqualTo(FencingMode.POWER_OFF);

        HostConfig primary = config.host(HostId.of("haos-primary")).orElseThrow();
        assertThat(primary.probes()).containsExactly(
                new ProbeConfig.Supervisor(URI.create("http://10.0.10.5:4357/supervisor/ping"), Duration.ofSeconds(5)),
                new ProbeConfig.HomeAssistant(URI.create("http://10.0.10.5:8123/api/"), java.util.Optional.empty(),
                        ProbeConfig.DEFAULT_TIMEOUT));
        assertThat(config.host(HostId.of("haos-standby")).orElseThrow().probes())
                .contains(new ProbeConfig.Tcp("10.0.10.6", 22, Duration.ofSeconds(2)));

        SwitchConfig rack = config.switchNamed("rack-switch").orElseThrow();
        assertThat(rack.type()).isEqualTo(SwitchConfig.SwitchType.SNMP);
        assertThat(rack.credentials().v3()).hasValueSatisfying(v3 -> {
            assertThat(v3.user()).isEqualTo("piha");
            assertThat(v3.authPassword().reveal()).isEqualTo("auth-pass-123");
        });
        assertThat(rack.portMap().address("haos-primary")).hasValue(PortAddress.of(1, 3));
        assertThat(rack.portMap().isProtected("nas")).isTrue();

        assertThat(config.policy(ha))
                .isEqualTo(ArbiterPolicy.ofDefaults(ha.name(), ha.topology()));
        assertThat(config.alerts().sinks()).hasSize(4);
        assertThat(config.alerts().sinks().get(2)).isInstanceOfSatisfying(AlertsConfig.Sink.HomeAssistant.class,
                s -> assertThat(s.token().reveal()).isEqualTo("llat-standby"));
        assertThat(config.alerts().sinks().get(3)).isInstanceOfSatisfying(AlertsConfig.Sink.Email.class, s -> {
            assertThat(s.security()).isEqualTo(AlertsConfig.EmailSecurity.STARTTLS);
            assertThat(s.port()).isEqualTo(587);
            assertThat(s.password().orElseThrow().reveal()).isEqualTo("smtp-pass-123");
            assertThat(s.to()).containsExactly("owner@example.net");
        });
        assertThat(config.status()).isEqualTo(new StatusConfig(true, "127.0.0.1", 8470));
        assertThat(config.audit()).isEqualTo(new AuditConfig(Path.of("/var/log/piha-control/audit.jsonl"),
                10L * 1024 * 1024, 5, true, true));
    }

    @Test
    void theAgentExampleLoads() {
        AgentConfig config = new ConfigLoader(ENV).loadAgent(example("agent.yaml"));

        assertThat(config.host()).isEqualTo(HostId.of("haos-standby"));
        assertThat(config.broker().port()).isEqualTo(1883);
        assertThat(config.broker().tls()).isFalse();
        assertThat(config.services()).containsExactly(new AgentConfig.Service(ServiceName.HOME_ASSISTANT, true));
        assertThat(config.contract().heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.actuator()).isInstanceOfSatisfying(AgentConfig.Actuator.HomeAssistantAutomations.class,
                a -> {
                    assertThat(a.url()).isEqualTo(URI.create("http://127.0.0.1:8123"));
                    assertThat(a.token().reveal()).isEqualTo("llat-local");
                });
        assertThat(config.audit().maxBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(config.audit().keep()).isEqualTo(3);
        assertThat(config.gate()).isEqualTo(new StatusConfig(true, "127.0.0.1", AgentConfig.DEFAULT_GATE_PORT));
    }

    @Test
    void theConfigurationGuideDocumentsEveryKeyOfTheExamples() throws Exception {
        String guide = Files.readString(example("control-plane.yaml").getParent().resolveSibling("configuration.md"));
        for (String example : new String[] {"control-plane.yaml", "agent.yaml"}) {
            for (String line : Files.readAllLines(example(example))) {
                String key = line.strip().replaceFirst("^- ", "");
                if (!key.startsWith("#") && key.contains(":") && !key.startsWith("\"")) {
                    String name = key.substring(0, key.indexOf(':'));
                    if (name.matches("[a-z_]+")) {
                        assertThat(guide).as("docs/configuration.md documents '%s' of %s", name, example)
                                .contains("`" + name + "`");
                    }
                }
            }
        }
    }
}
