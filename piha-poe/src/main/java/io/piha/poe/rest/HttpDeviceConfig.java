package io.piha.poe.rest;

import io.piha.api.recovery.PortMap;
import io.piha.api.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Where an HTTP-managed switch or plug is and how to log in. Immutable.
 *
 * @param baseUri e.g. {@code https://192.168.88.1}; no trailing path
 * @param user the user name (not a secret); {@code admin} for Shelly Gen2
 * @param password the password, if the device has one; sent only over HTTPS unless {@code allowPlainHttp}
 * @param portMap labels to the device's port names or relay numbers
 * @param timeout for connecting and for each answer
 * @param allowPlainHttp whether credentials may travel over {@code http://} (a lab, a simulator); default no
 * @param trust the TLS context for a device with its own certificate authority or a self-signed
 *     certificate (RouterOS and UniFi ship one); empty for the JDK's default trust store
 * @since 0.1
 */
public record HttpDeviceConfig(URI baseUri, String user, Optional<Secret> password, PortMap portMap, Duration timeout,
                               boolean allowPlainHttp, Optional<SSLContext> trust) {

    /** Default timeout: 5 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** @throws IllegalArgumentException naming the bad value, e.g. credentials over plain HTTP */
    public HttpDeviceConfig {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(portMap, "portMap");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(trust, "trust");
        String scheme = String.valueOf(baseUri.getScheme());
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("switch " + portMap.switchName() + ": base URI must be http(s), was "
                    + baseUri);
        }
        if (scheme.equals("http") && password.isPresent() && !allowPlainHttp) {
            throw new IllegalArgumentException("switch " + portMap.switchName() + ": refusing to send credentials "
                    + "over plain HTTP to " + baseUri + "; use https, or allowPlainHttp for a lab or simulator");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("switch " + portMap.switchName() + ": timeout must be positive, was "
                    + timeout);
        }
    }

    /**
     * A config with the JDK's default trust store.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public HttpDeviceConfig(URI baseUri, String user, Secret password, PortMap portMap, Duration timeout,
                            boolean allowPlainHttp) {
        this(baseUri, user, Optional.of(password), portMap, timeout, allowPlainHttp, Optional.empty());
    }

    /**
     * A config with a password and a trust context.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public HttpDeviceConfig(URI baseUri, String user, Secret password, PortMap portMap, Duration timeout,
                            boolean allowPlainHttp, Optional<SSLContext> trust) {
        this(baseUri, user, Optional.of(password), portMap, timeout, allowPlainHttp, trust);
    }

    /** A config over HTTPS with the default timeout and trust store. */
    public static HttpDeviceConfig of(URI baseUri, String user, Secret password, PortMap portMap) {
        return new HttpDeviceConfig(baseUri, user, password, portMap, DEFAULT_TIMEOUT, false);
    }

    /** The password as the protocol sends it; empty text for a device without one. */
    String passwordText() {
        return password.map(Secret::reveal).orElse("");
    }

    /** This config with another timeout. */
    public HttpDeviceConfig withTimeout(Duration newTimeout) {
        return new HttpDeviceConfig(baseUri, user, password, portMap, newTimeout, allowPlainHttp, trust);
    }

    /** This config allowing credentials over plain HTTP: for a lab or a simulator only. */
    public HttpDeviceConfig allowingPlainHttp() {
        return new HttpDeviceConfig(baseUri, user, password, portMap, timeout, true, trust);
    }

    /** This config trusting the device's certificate through {@code context} (e.g. its pinned self-signed one). */
    public HttpDeviceConfig withTrust(SSLContext context) {
        return new HttpDeviceConfig(baseUri, user, password, portMap, timeout, allowPlainHttp, Optional.of(context));
    }
}
