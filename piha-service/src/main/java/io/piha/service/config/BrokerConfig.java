package io.piha.service.config;

import io.piha.api.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The MQTT broker a runner connects to.
 *
 * @param url {@code mqtt://host:1883} or {@code mqtts://host:8883} (TLS)
 * @param clientId the stable MQTT client id
 * @param username the broker user, if the broker requires one
 * @param password the broker password, if any
 * @param caCertificate a PEM CA certificate to trust for {@code mqtts}, e.g. a home CA
 * @param topicPrefix the leadership topic prefix (default {@code piha/leader})
 * @param signingKey the HMAC key that signs and verifies commands, if commands are signed
 * @param requireSignedCommands whether unsigned (plain v1) commands are refused (default false)
 * @since 0.1
 */
public record BrokerConfig(URI url, String clientId, Optional<String> username, Optional<Secret> password,
                           Optional<Path> caCertificate, String topicPrefix, Optional<Secret> signingKey,
                           boolean requireSignedCommands) {

    /** The prefix of contract v1. */
    public static final String DEFAULT_TOPIC_PREFIX = "piha/leader";

    /** @throws NullPointerException if a component is null */
    public BrokerConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(caCertificate, "caCertificate");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(signingKey, "signingKey");
    }

    /** The broker's host name. */
    public String host() {
        return url.getHost();
    }

    /** Whether the connection uses TLS ({@code mqtts} or {@code ssl}). */
    public boolean tls() {
        return url.getScheme().equals("mqtts") || url.getScheme().equals("ssl");
    }

    /** The port: the URL's, or 8883 with TLS and 1883 without. */
    public int port() {
        return url.getPort() != -1 ? url.getPort() : tls() ? 8883 : 1883;
    }
}
