package io.piha.service.config;

import io.piha.http.probe.ProbeConfig;
import io.piha.api.Secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.piha.core.arbiter.ArbiterPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigValidationTest {

    private static final String MINIMAL = """
            broker:
              url: mqtt://nas.lan
            services:
              - primary: haos-primary
                standby: ha-standby
                fencing: confirmed_dead
            hosts:
              - id: haos-primary
                probes: [{type: supervisor, url: "http://10.0.0.5:4357/supervisor/ping"}]
              - id: ha-standby
                probes: [{type: http, url: "http://10.0.0.6:8123/api/", expect_status: 200-401}]
            """;

    private final ConfigLoader loader = new ConfigLoader(Map.of("MQTT_PASSWORD", "hunter2-secret"));

    @Test
    void aMinimalFileGetsTheContractDefaults() {
        ControlPlaneConfig config = loader.parseControlPlane("minimal.yaml", MINIMAL);

        assertThat(config.timings()).isEqualTo(TimingsConfig.defaults());
        assertThat(config.timings().contract().heartbeatTimeout()).isEqualTo(ArbiterPolicy.DEFAULT_HEARTBEAT_TIMEOUT);
        assertThat(config.services().get(0).name().value()).isEqualTo("home-assistant");
        assertThat(config.broker().clientId()).isEqualTo("piha-control-plane");
        assertThat(config.broker().topicPrefix()).isEqualTo("piha/leader");
        assertThat(config.status()).isEqualTo(StatusConfig.defaults());
        assertThat(config.host(io.piha.api.leadership.HostId.of("ha-standby")).orElseThrow().probes().get(0))
                .isInstanceOfSatisfying(ProbeConfig.Http.class, p -> {
                    assertThat(p.lowestStatus()).isEqualTo(200);
                    assertThat(p.highestStatus()).isEqualTo(401);
                });
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsKeyPathAndValue() {
        String yaml = """
                broker:
                  url: http://nas.lan
                  password: ${MQTT_PASSWORD}
                services:
                  - name: Home Assistant
                    primary: haos-primary
                    standby: haos-primary
                hosts:
                  - id: " "
                    probes: [{type: supervisor, url: "http://10.0.0.5:4357/", timeout: 5 seconds}]
                  - id: haos-primary
                    probes: [{type: tcp, address: "10.0.0.5:70000"}]
                    poe: {switch: garage-switch, port: haos}
                timings:
                  heartbeat_timeout: 0s
                  recovery_wait: soon
                status:
                  port: 99999
                  bind: "http://0.0.0.0"
                colour: blue
                """;

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> loader.parseControlPlane("bad.yaml", yaml));

        assertThat(e.problems()).extracting(ConfigProblem::toString).contains(
                "broker.url: must be a URL with a host and a scheme of " + CommonSections.MQTT + " (value: http://nas.lan)",
                "broker.username: is required when a password is given",
                "services[0].name: invalid service name 'Home Assistant': use 1-64 of a-z, 0-9, '-' and '_', "
                        + "starting with a letter or digit (value: Home Assistant)",
                "services[0].standby: must differ from primary (value: haos-primary)",
                "hosts[0].probes[0].timeout: " + ConfigNode.DURATION_HINT + " (value: 5 seconds)",
                "hosts[1].probes[0].address: must be host:port with a port of 1-65535 (value: 10.0.0.5:70000)",
                "timings.heartbeat_timeout: must be positive (value: 0s)",
                "timings.recovery_wait: " + ConfigNode.DURATION_HINT + " (value: soon)",
                "status.port: must be between 0 and 65535 (value: 99999)",
                "status.bind: must be an address or host name, e.g. 127.0.0.1 or 0.0.0.0 (value: http://0.0.0.0)");
        assertThat(e.problems()).extracting(ConfigProblem::path).contains("hosts[0].id", "colour");
        assertThat(e.getMessage()).startsWith("1").contains("problems in bad.yaml:\n  broker.url:")
                .doesNotContain("hunter2-secret");
    }

    @Test
    void referencesBetweenSectionsAreChecked() {
        String yaml = MINIMAL.replace("fencing: confirmed_dead", "fencing: power_off")
                + """
                switches:
                  - name: rack
                    type: snmp
                    address: 10.0.0.2
                    credentials: {community: public-ish}
                    ports: {nas: "1.1", haos-primary: "1.3"}
                    protected: [nas, uplink]
                """;
        String withPoe = yaml.replace("  - id: ha-standby\n", "  - id: ha-standby\n    poe: {switch: garage, port: x}\n")
                .replace("  - id: haos-primary\n", "  - id: haos-primary\n    poe: {switch: rack, port: nas}\n");

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> loader.parseControlPlane("refs.yaml", withPoe));

        assertThat(e.problems()).extracting(ConfigProblem::toString).contains(
                "switches[0].protected: names a label that is not in ports [nas, haos-primary] (value: uplink)");

        String fixedSwitch = withPoe.replace("protected: [nas, uplink]", "protected: [nas]");
        ConfigException refs = catchThrowableOfType(ConfigException.class,
                () -> loader.parseControlPlane("refs.yaml", fixedSwitch));
        assertThat(refs.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "hosts[0].poe.port: is a protected port of rack: a host on it could never be power-cycled (value: nas)",
                "hosts[1].poe.switch: names a switch that is not under switches [rack] (value: garage)");
    }

    @Test
    void aV1HostWithSignedCommandsRequiredIsRefusedWithTheWayOut() {
        String yaml = MINIMAL.replace("url: mqtt://nas.lan", "url: mqtt://nas.lan\n  signing_key: k3y-for-tests\n"
                + "  require_signed_commands: true").replace("  - id: ha-standby", "    participant: v1\n  - id: ha-standby");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parseControlPlane("s.yaml", yaml));

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly("hosts[0].participant: a v1 host "
                + "speaks plain commands only, which broker.require_signed_commands refuses: migrate haos-primary first "
                + "(docs/migration.md), or set require_signed_commands: false (value: v1)");
        assertThat(loader.parseControlPlane("p.yaml", yaml.replace("participant: v1", "participant: package")).hosts()
                .get(0).participant()).contains(io.piha.api.leadership.ParticipantKind.PACKAGE);
    }

    @Test
    void powerOffFencingNeedsAPoePortAndServicesNeedKnownHosts() {
        String yaml = MINIMAL.replace("fencing: confirmed_dead", "fencing: power_off")
                .replace("standby: ha-standby", "standby: ha-standbyy");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parseControlPlane("f.yaml", yaml));

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "services[0].fencing: power_off needs a poe port for haos-primary (or use fencing: confirmed_dead) "
                        + "(value: power_off)",
                "services[0].standby: names a host that is not under hosts [haos-primary, ha-standby] "
                        + "(value: ha-standbyy)");
    }

    @Test
    void secretsAreNeverShownEvenWhenWrong() {
        String yaml = MINIMAL + """
                switches:
                  - name: rack
                    type: snmp
                    address: 10.0.0.2
                    credentials:
                      v3: {user: piha, auth_password: "${MQTT_PASSWORD}", priv_password: short, priv_protocol: rot13}
                    ports: {haos-primary: "ether3"}
                """;

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parseControlPlane("s.yaml", yaml));

        assertThat(e.problems()).extracting(ConfigProblem::toString).contains(
                "switches[0].credentials.v3.priv_password: must be at least 8 characters (RFC 3414) (value: ******)",
                "switches[0].credentials.v3.priv_protocol: unknown SNMPv3 privacy protocol 'rot13': use one of "
                        + "[des, 3des, aes128, aes192, aes256, aes192c, aes256c], or none for authNoPriv (value: rot13)",
                "switches[0].ports.haos-primary: an snmp port is group.port (pethPsePortTable index), e.g. 1.3 "
                        + "(value: ether3)");
        assertThat(e.getMessage()).doesNotContain("short").doesNotContain("hunter2-secret");
    }

    @Test
    void anUnsetVariableIsNamedAndADefaultIsUsed() {
        String yaml = MINIMAL.replace("url: mqtt://nas.lan", """
                url: mqtt://${BROKER_HOST:-nas.lan}:${BROKER_PORT}
                  username: piha
                  password: ${MISSING_PASSWORD}""");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parseControlPlane("e.yaml", yaml));

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "broker.url: environment variable BROKER_PORT is not set",
                "broker.password: environment variable MISSING_PASSWORD is not set");
        ControlPlaneConfig ok = new ConfigLoader(Map.of("BROKER_PORT", "1884", "MISSING_PASSWORD", "pw"))
                .parseControlPlane("e.yaml", yaml);
        assertThat(ok.broker().url().toString()).isEqualTo("mqtt://nas.lan:1884");
    }

    @Test
    void aDoubledDollarKeepsALiteralReference() {
        Interpolation interpolation = new Interpolation(Map.of("A", "1"));

        assertThat(interpolation.apply("x-$${A}-${A}", m -> { })).hasValue("x-${A}-1");
        assertThat(interpolation.apply("${A:-2}${B:-3}", m -> { })).hasValue("13");
    }

    @Test
    void brokenYamlAndDuplicateKeysNameTheLine() {
        assertThatThrownBy(() -> loader.parseControlPlane("dup.yaml", "site: a\nsite: b\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("(line 2").hasMessageContaining("site");
        assertThatThrownBy(() -> loader.parseControlPlane("tab.yaml", "broker: [\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> loader.parseControlPlane("list.yaml", "- a\n- b\n"))
                .hasMessageContaining("(file): must be a YAML mapping");
    }

    @Test
    void anAgentFileIsValidatedTheSameWay() {
        String yaml = """
                host: ha-standby
                broker: {url: "mqtt://nas.lan"}
                services: [{name: home-assistant}]
                timings: {heartbeat_interval: 30}
                actuator: {type: shell, on_activate: [systemctl, start, ha]}
                """;

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parseAgent("agent.yaml", yaml));

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "timings.heartbeat_interval: " + ConfigNode.DURATION_HINT + " (value: 30)",
                "actuator.on_deactivate: needs a command as a list, e.g. [systemctl, start, home-assistant]");
    }

    @Test
    void durationsReadLikeTimings() {
        assertThat(ConfigNode.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ConfigNode.duration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ConfigNode.duration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(ConfigNode.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigNode.duration("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(ConfigNode.duration("PT90S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> ConfigNode.duration("90")).hasMessage(ConfigNode.DURATION_HINT);
        assertThatThrownBy(() -> ConfigNode.duration("s")).hasMessage(ConfigNode.DURATION_HINT);
        assertThat(Units.bytes("10MiB")).isEqualTo(10L * 1024 * 1024);
        assertThat(Units.bytes("512 KiB")).isEqualTo(512L * 1024);
    }

    @Test
    void secretsPrintRedacted() {
        assertThat(Secret.of("hunter2")).hasToString("******").isEqualTo(Secret.of("hunter2"));
        assertThat(new ConfigProblem("a.b", "bad", java.util.Optional.of("x".repeat(200))).toString())
                .endsWith("...)").hasSizeLessThan(160);
    }
}
