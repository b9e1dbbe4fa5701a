package io.piha.http.probe;

import io.piha.api.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one health probe of a host is configured; {@code type} in the file picks the kind.
 *
 * @since 0.1
 */
public sealed interface ProbeConfig {

    /** Default timeout of one probe. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The bound of one probe run. */
    Duration timeout();

    /**
     * {@code type: supervisor}: the HAOS supervisor ping.
     *
     * @param url e.g. {@code http://10.0.0.5:4357/supervisor/ping}
     * @param timeout bound of one run
     */
    record Supervisor(URI url, Duration timeout) implements ProbeConfig {
        /** @throws NullPointerException if a component is null */
        public Supervisor {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * {@code type: home_assistant}: Home Assistant Core's {@code /api/}.
     *
     * @param url e.g. {@code http://10.0.0.6:8123/api/}
     * @param token a long-lived access token, if the answer is to be checked
     * @param timeout bound of one run
     */
    record HomeAssistant(URI url, Optional<Secret> token, Duration timeout) implements ProbeConfig {
        /** @throws NullPointerException if a component is null */
        public HomeAssistant {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * {@code type: http}: any URL with an expected status range.
     *
     * @param url the URL
     * @param lowestStatus lowest healthy status
     * @param highestStatus highest healthy status
     * @param timeout bound of one run
     */
    record Http(URI url, int lowestStatus, int highestStatus, Duration timeout) implements ProbeConfig {
        /** @throws NullPointerException if a component is null */
        public Http {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * {@code type: tcp}: a TCP connect.
     *
     * @param host host name or address
     * @param port the port
     * @param timeout connect timeout
     */
    record Tcp(String host, int port, Duration timeout) implements ProbeConfig {
        /** @throws NullPointerException if a component is null */
        public Tcp {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(timeout, "timeout");
        }
    }
}
