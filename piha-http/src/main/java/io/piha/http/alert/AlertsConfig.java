package io.piha.http.alert;

import io.piha.api.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where alerts go and how they are grouped.
 *
 * @param sinks the destinations; every alert goes to each
 * @param groupingWindow window of the rate limit per code and subject (default 15 min)
 * @param maxPerWindow alerts passed per group and window (default 3)
 * @since 0.1
 */
public record AlertsConfig(List<Sink> sinks, Duration groupingWindow, int maxPerWindow) {

    /** Default grouping window. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    /** Default alerts per group and window. */
    public static final int DEFAULT_MAX_PER_WINDOW = 3;

    /** @throws NullPointerException if a component is null */
    public AlertsConfig {
        sinks = List.copyOf(sinks);
        Objects.requireNonNull(groupingWindow, "groupingWindow");
    }

    /** No sinks, default grouping. */
    public static AlertsConfig none() {
        return new AlertsConfig(List.of(), DEFAULT_WINDOW, DEFAULT_MAX_PER_WINDOW);
    }

    /** One destination; {@code type} in the file picks the kind. */
    public sealed interface Sink {

        /**
         * {@code type: webhook}: POST of the alert as JSON.
         *
         * @param url where to POST
         * @param token sent as a bearer token, if any
         */
        record Webhook(URI url, Optional<Secret> token) implements Sink {
            /** @throws NullPointerException if a component is null */
            public Webhook {
                Objects.requireNonNull(url, "url");
                Objects.requireNonNull(token, "token");
            }
        }

        /**
         * {@code type: ntfy}: a message on an ntfy topic.
         *
         * @param server e.g. {@code https://ntfy.sh}
         * @param topic the topic
         * @param token access token for a protected topic, if any
         */
        record Ntfy(URI server, String topic, Optional<Secret> token) implements Sink {
            /** @throws NullPointerException if a component is null */
            public Ntfy {
                Objects.requireNonNull(server, "server");
                Objects.requireNonNull(topic, "topic");
                Objects.requireNonNull(token, "token");
            }
        }

        /**
         * {@code type: home_assistant}: a Home Assistant notify service.
         *
         * @param url the instance, e.g. {@code http://haos-standby:8123}
         * @param service the notify service, e.g. {@code mobile_app_pixel}
         * @param token a long-lived access token
         */
        record HomeAssistant(URI url, String service, Secret token) implements Sink {
            /** @throws NullPointerException if a component is null */
            public HomeAssistant {
                Objects.requireNonNull(url, "url");
                Objects.requireNonNull(service, "service");
                Objects.requireNonNull(token, "token");
            }
        }

        /**
         * {@code type: email}: a mail over SMTP, encrypted by STARTTLS (port 587) or SMTPS (port 465).
         *
         * @param host the mail server, e.g. {@code smtp.example.net}
         * @param port its port
         * @param security how the connection is encrypted
         * @param username the login, if the server wants one
         * @param password the password of {@code username}
         * @param from the sender address
         * @param to the recipients, at least one
         * @param caCertificate a PEM CA certificate to trust instead of the JDK's trust store (a home CA), if any
         */
        record Email(String host, int port, EmailSecurity security, Optional<String> username,
                     Optional<Secret> password, String from, List<String> to, Optional<Path> caCertificate)
                implements Sink {
            /**
             * @throws IllegalArgumentException if there is no recipient, the port is out of range, a username has no
             *     password (or a password no username), or credentials would travel unencrypted
             */
            public Email {
                Objects.requireNonNull(host, "host");
                Objects.requireNonNull(security, "security");
                Objects.requireNonNull(username, "username");
                Objects.requireNonNull(password, "password");
                Objects.requireNonNull(from, "from");
                to = List.copyOf(to);
                Objects.requireNonNull(caCertificate, "caCertificate");
                if (to.isEmpty()) {
                    throw new IllegalArgumentException("an email sink needs at least one recipient");
                }
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("SMTP port must be 1-65535, was " + port);
                }
                if (username.isPresent() != password.isPresent()) {
                    throw new IllegalArgumentException("an SMTP username needs a password and a password a username");
                }
                if (username.isPresent() && security == EmailSecurity.NONE) {
                    throw new IllegalArgumentException("SMTP credentials are never sent unencrypted: use starttls or "
                            + "smtps with a username");
                }
            }
        }
    }

    /** How an email sink's connection is encrypted. */
    public enum EmailSecurity {
        /** Plain connection upgraded by {@code STARTTLS} before anything else is sent (submission, port 587). */
        STARTTLS,
        /** TLS from the first byte (implicit TLS, port 465). */
        SMTPS,
        /** No encryption: a relay on the same host or LAN, without credentials. */
        NONE;

        /** The port this security usually listens on. */
        public int defaultPort() {
            return switch (this) {
                case STARTTLS -> 587;
                case SMTPS -> 465;
                case NONE -> 25;
            };
        }
    }
}
