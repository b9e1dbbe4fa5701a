package io.piha.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Regression tests for the broker and timings sections: what passed validation and then failed at start. */
class BrokerAndTimingsSectionTest {

    private static final String HOSTS = """
            services: [{name: home-assistant, primary: haos-primary, standby: ha-standby, fencing: confirmed_dead}]
            hosts:
              - {id: haos-primary, probes: [{type: tcp, address: "10.0.0.5:8123"}]}
              - {id: ha-standby, probes: [{type: tcp, address: "10.0.0.6:8123"}]}
            """;

    private final ConfigLoader loader = new ConfigLoader(Map.of("MQTT_PASSWORD", "hunter2-secret",
            "SIGNING_KEY", "k3y-0f-the-h0use"));

    @Test
    void aBrokerUsernameWithoutAPasswordIsRefusedAtLoadingNotAtStart() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parseControlPlane("cp.yaml",
                "broker: {url: \"mqtt://nas.lan\", username: piha}\n" + HOSTS));

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
                "broker.password: is required when a username is given (e.g. password: ${PIHA_MQTT_PASSWORD})");
    }

    @Test
    void aBrokerWrittenAsAListNamesItsShapeAndNeverItsSecrets() {
        String yaml = """
                broker:
                  - url: mqtt://nas.lan
                  - password: ${MQTT_PASSWORD}
                  - signing_key: ${SIGNING_KEY}
                """ + HOSTS;

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parseControlPlane("cp.yaml", yaml));

        assertThat(e.getMessage()).contains("broker: must be a mapping of keys to values (value: a list of 3 items)")
                .doesNotContain("hunter2").doesNotContain("k3y").doesNotContain("MQTT_PASSWORD");
    }

    @Test
    void aSecretWrittenAsAMappingNeverShowsItsContents() {
        String yaml = "broker: {url: \"mqtt://nas.lan\", username: piha, password: {value: hunter2-literal}}\n" + HOSTS;

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parseControlPlane("cp.yaml", yaml));

        assertThat(e.getMessage()).contains("broker.password: must be a single value").doesNotContain("hunter2");
    }

    @Test
    void theContractTimingsAreOneValueWithTheTimeoutLongerThanTheInterval() {
        ControlPlaneConfig ok = loader.parseControlPlane("cp.yaml", "broker: {url: \"mqtt://nas.lan\"}\n" + HOSTS
                + "timings: {heartbeat_interval: 10s, heartbeat_timeout: 35s, max_clock_skew: 2s}\n");
        assertThat(ok.timings().contract().heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ok.timings().contract().heartbeatTimeout()).isEqualTo(Duration.ofSeconds(35));
        assertThat(ok.timings().contract().maxClockSkew()).isEqualTo(Duration.ofSeconds(2));

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parseControlPlane("cp.yaml",
                "broker: {url: \"mqtt://nas.lan\"}\n" + HOSTS + "timings: {heartbeat_interval: 60s, heartbeat_timeout: 45s}\n"));
        assertThat(e.problems()).extracting(ConfigProblem::toString).singleElement().asString()
                .startsWith("timings.heartbeat_timeout: heartbeat_timeout (45 s) must be longer than heartbeat_interval (60 s)");
    }

    @Test
    void anAgentStillWritingTheOldHeartbeatIntervalKeyIsToldWhereItMoved() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parseAgent("agent.yaml", """
                host: ha-standby
                broker: {url: "mqtt://nas.lan"}
                services: [{name: home-assistant}]
                heartbeat_interval: 30s
                """));

        assertThat(e.problems()).extracting(ConfigProblem::toString)
                .containsExactly("heartbeat_interval: moved: write it as timings.heartbeat_interval");
    }
}
