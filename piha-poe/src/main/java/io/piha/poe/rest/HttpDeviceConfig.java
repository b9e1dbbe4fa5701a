package io.piha.poe.rest;

import io.piha.api.recovery.PortMap;
import io.piha.api.recovery.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where an HTTP-managed switch or plug is and how to log in. Immutable.
 *
 * @param baseUri e.g. {@code https://192.168.88.1}; no trailing path
 * @param user the user name (not a secret); {@code admin} for Shelly Gen2
 * @param password the password, sent only over HTTPS unless {@code allowPlainHttp}
 * @param portMap labels to the device's port names or relay numbers
 * @param timeout for connecting and for each answer
 * @param allowPlainHttp whether credentials may travel over {@code http://} (a lab, a simulator); default no
 * @since 0.1
 */
public record HttpDeviceConfig(URI baseUri, String user, Secret password, PortMap portMap, Duration timeout,
                               boolean allowPlainHttp) {

    /** Default timeout: 5 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** @throws IllegalArgumentException naming the bad value, e.g. credentials over plain HTTP */
    public HttpDeviceConfig {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(portMap, "portMap");
        Objects.requireNonNull(timeout, "timeout");
        String scheme = String.valueOf(baseUri.getScheme());
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("switch " + portMap.switchName() + ": base URI must be http(s), was "
                    + baseUri);
        }
        if (scheme.equals("http") && !password.isEmpty() && !allowPlainHttp) {
            throw new IllegalArgumentException("switch " + portMap.switchName() + ": refusing to send credentials "
                    + "over plain HTTP to " + baseUri + "; use https, or allowPlainHttp for a lab or simulator");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("switch " + portMap.switchName() + ": timeout must be positive, was "
                    + timeout);
        }
    }

    /** A config over HTTPS with the default timeout. */
    public static HttpDeviceConfig of(URI baseUri, String user, Secret password, PortMap portMap) {
        return new HttpDeviceConfig(baseUri, user, password, portMap, DEFAULT_TIMEOUT, false);
    }

    /** This config with another timeout. */
    public HttpDeviceConfig withTimeout(Duration newTimeout) {
        return new HttpDeviceConfig(baseUri, user, password, portMap, newTimeout, allowPlainHttp);
    }

    /** This config allowing credentials over plain HTTP: for a lab or a simulator only. */
    public HttpDeviceConfig allowingPlainHttp() {
        return new HttpDeviceConfig(baseUri, user, password, portMap, timeout, true);
    }
}
