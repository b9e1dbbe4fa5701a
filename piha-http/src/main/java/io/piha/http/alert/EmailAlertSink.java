package io.piha.http.alert;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertSink;
import io.piha.api.io.TrustedCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each alert as a plain-text mail over SMTP: STARTTLS or SMTPS, with AUTH PLAIN or LOGIN when a username is
 * configured, the server's certificate checked against the JDK's trust store or a home CA. One connection per alert
 * (alerts are rare: {@link GroupingAlertSink} in front of it keeps a flapping host to a few mails). Delivery is
 * synchronous and bounded by the timeout; a failure is logged and counted in {@link #failed()}, never thrown.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class EmailAlertSink implements AlertSink {

    /** Default bound of connecting and of each answer of the server. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(EmailAlertSink.class);

    private final AlertsConfig.Sink.Email config;
    private final SSLSocketFactory tls;
    private final Duration timeout;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /**
     * @param config the server, security, credentials and addresses
     * @param timeout bound of connecting and of each answer; positive
     * @throws IllegalArgumentException if the timeout is not positive or the CA file holds no certificate
     */
    public EmailAlertSink(AlertsConfig.Sink.Email config, Duration timeout) {
        this.config = Objects.requireNonNull(config, "config");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("email delivery timeout must be positive, was " + timeout);
        }
        this.tls = config.caCertificate().map(pem -> TrustedCertificates.clientContext(pem).getSocketFactory())
                .orElseGet(() -> (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** Where this sink delivers, for logs; never includes a secret. */
    public String destination() {
        return "email " + config.to() + " via " + config.host() + ":" + config.port() + " ("
                + config.security().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    @Override
    public void send(Alert alert) {
        boolean smtps = config.security() == AlertsConfig.EmailSecurity.SMTPS;
        try (SmtpSession smtp = SmtpSession.open(config.host(), config.port(), smtps, tls, timeout)) {
            if (config.security() == AlertsConfig.EmailSecurity.STARTTLS) {
                smtp.startTls();
            }
            if (config.username().isPresent()) {
                smtp.authenticate(config.username().get(), config.password().orElseThrow().reveal());
            }
            smtp.send(config.from(), config.to(), message(alert));
            delivered.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            // an alert must never stop a recovery, whatever went wrong
            failed.incrementAndGet();
            LOG.warn("alert {} about {} not delivered to {}: {}", alert.code(), alert.subject(), destination(),
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The mail: headers and a base64 UTF-8 text body, lines separated by CRLF. */
    String message(Alert alert) {
        StringBuilder body = new StringBuilder(alert.message()).append("\n\n");
        body.append("code: ").append(alert.code()).append('\n');
        body.append("severity: ").append(alert.severity().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        body.append("subject: ").append(alert.subject()).append('\n');
        body.append("at: ").append(alert.timestamp()).append('\n');
        for (Map.Entry<String, String> d : new java.util.TreeMap<>(alert.details()).entrySet()) {
            body.append(d.getKey()).append(": ").append(d.getValue()).append('\n');
        }
        String encoded = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(body.toString().getBytes(StandardCharsets.UTF_8));
        return "From: " + config.from() + "\r\n"
                + "To: " + String.join(", ", config.to()) + "\r\n"
                + "Subject: " + NtfyAlertSink.headerValue("PiHA " + HttpAlertSink.title(alert)) + "\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(alert.timestamp().atOffset(ZoneOffset.UTC))
                + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@piha>\r\n"
                + "X-PiHA-Code: " + alert.code() + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + encoded;
    }

    /** How many alerts the server accepted. */
    public long delivered() {
        return delivered.get();
    }

    /** How many alerts could not be delivered. */
    public long failed() {
        return failed.get();
    }
}
