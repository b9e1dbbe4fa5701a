package io.piha.platform.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.platform.Location;
import io.piha.platform.internal.yaml.YamlScalar;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small judgements the rules rest on: durations, pins, credential names. */
class HeuristicsTest {

    @Test
    void retentionDurationsAreReadInInfluxUnitsAndZeroIsForever() {
        assertThat(Durations.parse("30d")).contains(Duration.ofDays(30));
        assertThat(Durations.parse("8760h")).contains(Duration.ofDays(365));
        assertThat(Durations.parse("52w")).contains(Duration.ofDays(364));
        assertThat(Durations.parse("1y2w")).contains(Duration.ofDays(379));
        assertThat(Durations.parse("0")).contains(Durations.FOREVER);
        assertThat(Durations.parse("0s")).contains(Durations.FOREVER);
        assertThat(Durations.parse("INF")).contains(Durations.FOREVER);
        assertThat(Durations.parse("30")).isEmpty();
        assertThat(Durations.parse("thirty days")).isEmpty();
        assertThat(Durations.describe(Duration.ofDays(730))).isEqualTo("2 years");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "nginx:latest", "ghcr.io/x/y:LATEST", "x:1.x", "x:^1.2", "x:~1.2", "x:*",
        "localhost:5000/app"})
    void imagesThatMoveAreNotPinned(String image) {
        assertThat(Pins.image(image, Set.of("latest"))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx:1.27.3", "ghcr.io/home-assistant/home-assistant:2025.12.2",
        "localhost:5000/app:2.0", "nginx@sha256:0123456789abcdef", "python-matter-server:stable"})
    void explicitTagsAndDigestsArePinned(String image) {
        assertThat(Pins.image(image, Set.of("latest"))).isEmpty();
    }

    @Test
    void stableCountsAsFloatingOnlyWhenTheOptionsSaySo() {
        assertThat(Pins.image("x:stable", Set.of("latest", "stable"))).contains("tag 'stable' moves");
    }

    @Test
    void chartVersionRangesAreRecognised() {
        assertThat(Pins.isRange("4.9.0")).isFalse();
        assertThat(Pins.isRange("v1.13.3")).isFalse();
        assertThat(Pins.isRange(">=4.0.0")).isTrue();
        assertThat(Pins.isRange("4.x")).isTrue();
        assertThat(Pins.isRange("*")).isTrue();
        assertThat(Pins.isRange("")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GF_SECURITY_ADMIN_PASSWORD", "password", "adminPassword", "api_key", "apiToken",
        "DOCKER_INFLUXDB_INIT_ADMIN_TOKEN", "client_secret", "secret", "AWS_SECRET_ACCESS_KEY", "privateKey"})
    void credentialNamesAreRecognised(String key) {
        assertThat(Credentials.isCredentialKey(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"existingSecret", "secretName", "secretKey", "passwordSecretRef", "tokenFile",
        "GF_SECURITY_ADMIN_USER", "username", "accessModes", "PASSWORD_FILE"})
    void referencesAndOtherNamesAreNotCredentials(String key) {
        assertThat(Credentials.isCredentialKey(key)).isFalse();
    }

    @Test
    void onlyLiteralValuesCount() {
        Location at = new Location("f.yaml", 1);
        assertThat(Credentials.isLiteral(YamlScalar.synthetic(at, "admin"))).isTrue();
        assertThat(Credentials.isLiteral(YamlScalar.synthetic(at, "${GRAFANA_PASSWORD}"))).isFalse();
        assertThat(Credentials.isLiteral(YamlScalar.synthetic(at, ""))).isFalse();
        assertThat(Credentials.isLiteral(new YamlScalar(at, "x", YamlScalar.Kind.STRING, Optional.of("secret"),
                l -> at))).isFalse();
        assertThat(Credentials.hasUrlPassword("postgresql://ha:hunter2@db/ha")).isTrue();
        assertThat(Credentials.hasUrlPassword("postgresql://ha@db/ha")).isFalse();
        assertThat(Credentials.hasUrlPassword("postgresql://ha:${PW}@db/ha")).isFalse();
    }
}
