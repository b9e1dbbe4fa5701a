package io.piha.http.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.Secret;
import io.piha.api.alert.Alert;
import io.piha.api.alert.Severity;
import io.piha.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Email alerts against a real SMTP server started by the test: STARTTLS, SMTPS, AUTH, a home CA, grouping. */
class EmailAlertSinkTest {

    private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    @TempDir
    Path dir;

    private static Alert alert(String message) {
        return new Alert(AT, "haos_heartbeat_missed", Severity.CRITICAL, "haos-primary", message,
                Map.of("epoch", "7"));
    }

    private AlertsConfig.Sink.Email config(SmtpTestServer smtp, AlertsConfig.EmailSecurity security, String password,
                                           boolean trustHomeCa) {
        return new AlertsConfig.Sink.Email("127.0.0.1", smtp.port(), security, Optional.of(SmtpTestServer.USER),
                Optional.of(Secret.of(password)), "piha@home.lan", List.of("owner@home.lan", "spouse@home.lan"),
                trustHomeCa ? Optional.of(smtp.caPem) : Optional.empty());
    }

    private static String body(String data) {
        String encoded = data.substring(data.indexOf("\r\n\r\n") + 4).replace("\r\n", "").strip();
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    @Test
    void anAlertArrivesOverStartTlsWithAuthentication() throws Exception {
        try (SmtpTestServer smtp = SmtpTestServer.startTls(dir)) {
            EmailAlertSink sink = new EmailAlertSink(config(smtp, AlertsConfig.EmailSecurity.STARTTLS,
                    SmtpTestServer.PASSWORD, true), Duration.ofSeconds(10));

            sink.send(alert("no heartbeat for 90 s; power-cycling port haos-primary"));

            assertThat(sink.delivered()).isEqualTo(1);
            assertThat(smtp.received).singleElement().satisfies(m -> {
                assertThat(m.from()).isEqualTo("piha@home.lan");
                assertThat(m.to()).containsExactly("owner@home.lan", "spouse@home.lan");
                assertThat(m.data()).contains("Subject: PiHA [critical] haos-primary: haos_heartbeat_missed")
                        .contains("X-PiHA-Code: haos_heartbeat_missed");
                assertThat(body(m.data())).contains("no heartbeat for 90 s; power-cycling port haos-primary")
                        .contains("epoch: 7");
            });
        }
    }

    @Test
    void anAlertArrivesOverSmtps() throws Exception {
        try (SmtpTestServer smtp = SmtpTestServer.smtps(dir)) {
            EmailAlertSink sink = new EmailAlertSink(config(smtp, AlertsConfig.EmailSecurity.SMTPS,
                    SmtpTestServer.PASSWORD, true), Duration.ofSeconds(10));

            sink.send(alert("é, ü and a line\n.starting with a dot"));

            assertThat(sink.delivered()).isEqualTo(1);
            assertThat(body(smtp.received.get(0).data())).contains("é, ü and a line\n.starting with a dot");
        }
    }

    @Test
    void aRefusedPasswordIsCountedAsAFailureAndNothingIsSent() throws Exception {
        try (SmtpTestServer smtp = SmtpTestServer.startTls(dir)) {
            EmailAlertSink sink = new EmailAlertSink(config(smtp, AlertsConfig.EmailSecurity.STARTTLS, "wrong", true),
                    Duration.ofSeconds(10));

            sink.send(alert("x"));

            assertThat(sink.failed()).isEqualTo(1);
            assertThat(sink.delivered()).isZero();
            assertThat(smtp.received).isEmpty();
        }
    }

    @Test
    void aServerWithoutStartTlsGetsNoCredentialsInClear() throws Exception {
        try (SmtpTestServer smtp = SmtpTestServer.plainOnly(dir)) {
            EmailAlertSink sink = new EmailAlertSink(config(smtp, AlertsConfig.EmailSecurity.STARTTLS,
                    SmtpTestServer.PASSWORD, true), Duration.ofSeconds(10));

            sink.send(alert("x"));

            assertThat(sink.failed()).isEqualTo(1);
            assertThat(smtp.received).isEmpty();
        }
    }

    @Test
    void aCertificateNoTrustedCaSignedIsRefused() throws Exception {
        try (SmtpTestServer smtp = SmtpTestServer.smtps(dir)) {
            EmailAlertSink sink = new EmailAlertSink(config(smtp, AlertsConfig.EmailSecurity.SMTPS,
                    SmtpTestServer.PASSWORD, false), Duration.ofSeconds(10));

            sink.send(alert("x"));

            assertThat(sink.failed()).as("the JDK's trust store does not know the home CA").isEqualTo(1);
            assertThat(smtp.received).isEmpty();
        }
    }

    @Test
    void mailsAreGroupedLikeEveryOtherSink() throws Exception {
        ManualClock clock = new ManualClock(AT);
        try (SmtpTestServer smtp = SmtpTestServer.startTls(dir)) {
            AlertsConfig config = new AlertsConfig(List.of(config(smtp, AlertsConfig.EmailSecurity.STARTTLS,
                    SmtpTestServer.PASSWORD, true)), Duration.ofMinutes(15), 1);
            GroupingAlertSink grouped = AlertSinks.from(config, java.net.http.HttpClient.newHttpClient(), clock);

            for (int i = 0; i < 4; i++) {
                grouped.send(alert("flap " + i));
            }
            assertThat(smtp.received).hasSize(1);
            clock.advance(Duration.ofMinutes(16));
            grouped.flush();

            assertThat(smtp.received).hasSize(2);
            assertThat(body(smtp.received.get(1).data())).contains("3 more");
        }
    }

    @Test
    void credentialsAreNeverSentUnencrypted() {
        assertThatThrownBy(() -> new AlertsConfig.Sink.Email("mail.lan", 25, AlertsConfig.EmailSecurity.NONE,
                Optional.of("u"), Optional.of(Secret.of("p")), "a@b.c", List.of("d@e.f"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never sent unencrypted");
    }
}
