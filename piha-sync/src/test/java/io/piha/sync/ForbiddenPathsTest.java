package io.piha.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForbiddenPathsTest {

    private final ForbiddenPaths defaults = ForbiddenPaths.ofDefaults();

    private static Supplier<byte[]> text(String s) {
        return () -> s.getBytes(StandardCharsets.UTF_8);
    }

    private static Supplier<byte[]> unread() {
        return () -> {
            throw new AssertionError("content read for a path that is not a secrets file");
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {".storage/core.uuid", ".storage/auth", ".storage/core.config_entries",
        ".cloud/remote.json", "home-assistant_v2.db", "home-assistant_v2.db-wal", "home-assistant_v2.db-shm",
        "zigbee.db", "deps/nested/cache.db", "home-assistant.db.corrupt.2026-01-01", "home-assistant.log",
        "home-assistant.log.1", "home-assistant.log.fault", ".ssh/id_ed25519", "addons/x/.ssh/known_hosts"})
    void instanceIdentityCredentialsDatabasesLogsAndKeysAreForbidden(String path) {
        assertThat(defaults.violation(path, unread())).hasValueSatisfying(r -> assertThat(r).startsWith(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"configuration.yaml", "automations.yaml", "storage/readme.md", "dashboards/db.yaml",
        "blueprints/automation/motion.yaml", "custom_components/x/database.py", "logbook.yaml"})
    void ordinaryConfigurationPasses(String path) {
        assertThat(defaults.violation(path, unread())).isEmpty();
    }

    @Test
    void aSecretsFileWithARealValueIsNamedWithItsKeysNeverItsValues() {
        String content = "# secrets\nmqtt_password: hunter2\nlatitude: 52.37\napi_key: '<redacted>'\n";

        assertThat(defaults.violation("packages/secrets.yaml", text(content)))
                .contains("packages/secrets.yaml holds real values for latitude, mqtt_password");
    }

    @Test
    void aSecretsFileWithPlaceholdersOnlyPasses() {
        String content = """
                # copy to each host and fill in
                mqtt_password: CHANGEME
                db_url: "<your database url>"
                api_key: ''
                token: ~
                pin: xxxx  # four digits
                other: ****
                """;

        assertThat(defaults.violation("secrets.yaml", text(content))).isEmpty();
    }

    @Test
    void blockScalarsAndUnparsableLinesCountAsRealValues() {
        assertThat(defaults.violation("secrets.yaml", text("cert: |\n  -----BEGIN KEY-----\n")))
                .hasValueSatisfying(r -> assertThat(r).contains("cert"));
        assertThat(defaults.violation("secrets.yaml", text("just some text\n")))
                .hasValueSatisfying(r -> assertThat(r).contains("<line 1>"));
    }

    @Test
    void aSecretsFileTooLargeToReadIsRefusedUnread() {
        assertThat(defaults.violation("secrets.yaml", () -> null))
                .contains("secrets.yaml is too large to check for real secret values");
    }

    @Test
    void theListIsConfigurable() {
        ForbiddenPaths custom = ForbiddenPaths.of(List.of("private/**"), false).plus("**/*.pem");

        assertThat(custom.globs()).containsExactly("private/**", "**/*.pem");
        assertThat(custom.violation("private/notes.txt", unread())).isPresent();
        assertThat(custom.violation("certs/ca.pem", unread())).isPresent();
        assertThat(custom.violation("secrets.yaml", unread())).isEmpty();
        assertThat(custom.violation(".storage/auth", unread())).isEmpty();
        assertThatThrownBy(() -> ForbiddenPaths.of(List.of("/etc/**"), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/etc/**'");
    }
}
