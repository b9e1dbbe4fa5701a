package io.piha.mqtt;

import io.piha.api.Secret;
import io.piha.api.leadership.ContractTimings;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Immutable configuration of an {@link MqttLeadershipBus}, built with {@link #custom()} or taken as
 * {@link #ofDefaults()}. Every value is validated when {@link Builder#build()} runs, and the error names
 * it. {@link #toString()} never shows the password or the signing key.
 *
 * @since 0.1
 */
public final class MqttBusConfig {

    /** Broker host: {@value}. */
    public static final String DEFAULT_HOST = "localhost";
    /** Broker port: {@value}. */
    public static final int DEFAULT_PORT = 1883;
    /** Largest accepted inbound payload: {@value} bytes (64 KiB). */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;
    /** A heartbeat older than this counts as missing (contract v1: 90 s); also its MQTT 5 expiry. */
    public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = ContractTimings.DEFAULT_HEARTBEAT_TIMEOUT;
    /** How far in the future a timestamp may be before it is refused: the contract's clock-skew bound. */
    public static final Duration DEFAULT_CLOCK_SKEW = ContractTimings.DEFAULT_MAX_CLOCK_SKEW;
    /** Signed commands issued further than this from now are refused as replays: 2 min. */
    public static final Duration DEFAULT_REPLAY_WINDOW = Duration.ofMinutes(2);
    /** First reconnect delay: 250 ms, doubling up to {@link #DEFAULT_RECONNECT_MAX_DELAY}. */
    public static final Duration DEFAULT_RECONNECT_INITIAL_DELAY = Duration.ofMillis(250);
    /** Longest reconnect delay: 15 s. */
    public static final Duration DEFAULT_RECONNECT_MAX_DELAY = Duration.ofSeconds(15);
    /** How long {@link MqttLeadershipBus#connect} waits for the first connection: 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * After a reconnect, how long after subscribing to its {@code state} topic the bus waits for the
     * broker's retained state before it re-asserts its own: 1 s. It re-asserts only if none arrived.
     */
    public static final Duration DEFAULT_STATE_REASSERT_GRACE = Duration.ofSeconds(1);
    /** Prefix of Home Assistant MQTT discovery: {@value}. */
    public static final String DEFAULT_DISCOVERY_PREFIX = "homeassistant";

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String host;
    private final int port;
    private final MqttProtocol protocol;
    private final String clientId;
    private final Optional<String> username;
    private final Optional<Secret> password;
    private final boolean tls;
    private final Optional<Path> trustedCaCertificate;
    private final LeadershipTopics topics;
    private final String discoveryPrefix;
    private final List<ServiceName> services;
    private final Optional<HostId> agentHost;
    private final Duration heartbeatTimeout;
    private final Duration clockSkew;
    private final int maxPayloadBytes;
    private final Optional<Secret> signingKey;
    private final boolean signedCommandsRequired;
    private final Duration replayWindow;
    private final Duration reconnectInitialDelay;
    private final Duration reconnectMaxDelay;
    private final Duration connectTimeout;
    private final Duration stateReassertGrace;

    private MqttBusConfig(Builder b) {
        host = b.host;
        port = b.port;
        protocol = b.protocol;
        clientId = b.clientId;
        username = Optional.ofNullable(b.username);
        password = Optional.ofNullable(b.password);
        tls = b.tls;
        trustedCaCertificate = Optional.ofNullable(b.trustedCaCertificate);
        topics = b.topics;
        discoveryPrefix = b.discoveryPrefix;
        services = List.copyOf(new LinkedHashSet<>(b.services));
        agentHost = Optional.ofNullable(b.agentHost);
        heartbeatTimeout = b.heartbeatTimeout;
        clockSkew = b.clockSkew;
        maxPayloadBytes = b.maxPayloadBytes;
        signingKey = Optional.ofNullable(b.signingKey);
        signedCommandsRequired = b.signedCommandsRequired;
        replayWindow = b.replayWindow;
        reconnectInitialDelay = b.reconnectInitialDelay;
        reconnectMaxDelay = b.reconnectMaxDelay;
        connectTimeout = b.connectTimeout;
        stateReassertGrace = b.stateReassertGrace;
    }

    /** The defaults: {@code localhost:1883}, MQTT 5 with 3.1.1 fallback, prefix {@code piha/leader}. */
    public static MqttBusConfig ofDefaults() {
        return custom().build();
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Broker host name or address. */
    public String host() {
        return host;
    }

    /** Broker port. */
    public int port() {
        return port;
    }

    /** MQTT version to speak. */
    public MqttProtocol protocol() {
        return protocol;
    }

    /** The stable MQTT client id; the broker replaces an older connection with the same id. */
    public String clientId() {
        return clientId;
    }

    /** User name for the broker, if any. */
    public Optional<String> username() {
        return username;
    }

    /** Password for the broker, if any. */
    public Optional<Secret> password() {
        return password;
    }

    /** Whether to connect over TLS. */
    public boolean tls() {
        return tls;
    }

    /** A PEM CA certificate to trust instead of the JDK's trust store, for a home CA. */
    public Optional<Path> trustedCaCertificate() {
        return trustedCaCertificate;
    }

    /** The topic layout. */
    public LeadershipTopics topics() {
        return topics;
    }

    /** Prefix of Home Assistant MQTT discovery topics. */
    public String discoveryPrefix() {
        return discoveryPrefix;
    }

    /** The services whose availability this agent announces (and whose Last Will it leaves), in order. */
    public List<ServiceName> services() {
        return services;
    }

    /** The host this bus speaks for, when it is an agent; empty for the control plane's observer. */
    public Optional<HostId> agentHost() {
        return agentHost;
    }

    /** Age after which a heartbeat counts as missing; also the MQTT 5 expiry of heartbeats. */
    public Duration heartbeatTimeout() {
        return heartbeatTimeout;
    }

    /** How far ahead of this clock a timestamp may be. */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** Largest inbound payload accepted. */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /** HMAC-SHA256 key that signs outgoing envelope commands and verifies incoming ones. */
    public Optional<Secret> signingKey() {
        return signingKey;
    }

    /** Whether unsigned commands (including v1 plain text) are refused. */
    public boolean signedCommandsRequired() {
        return signedCommandsRequired;
    }

    /** Window within which a command id is remembered and its issue time accepted. */
    public Duration replayWindow() {
        return replayWindow;
    }

    /** First delay before reconnecting. */
    public Duration reconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    /** Longest delay between reconnect attempts. */
    public Duration reconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    /** How long to wait for the first connection. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for the broker's retained state after a reconnect before re-asserting ours. */
    public Duration stateReassertGrace() {
        return stateReassertGrace;
    }

    /** The broker as {@code host:port}, for messages. */
    public String broker() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "MqttBusConfig[broker=" + broker() + (tls ? " (tls)" : "") + ", protocol=" + protocol
                + ", clientId=" + clientId + ", username=" + username.orElse("-")
                + ", password=" + (password.isPresent() ? Secret.REDACTED : "-") + ", prefix=" + topics.prefix()
                + ", services=" + services + ", agentHost=" + agentHost.map(HostId::value).orElse("-")
                + ", signing=" + (signingKey.isPresent() ? Secret.REDACTED : "off")
                + (signedCommandsRequired ? " (required)" : "") + "]";
    }

    /** Builds an {@link MqttBusConfig}. Not thread-safe; {@link #build()} copies, so reuse is safe. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private MqttProtocol protocol = MqttProtocol.AUTO;
        private String clientId;
        private String username;
        private Secret password;
        private boolean tls;
        private Path trustedCaCertificate;
        private LeadershipTopics topics = LeadershipTopics.v1();
        private String discoveryPrefix = DEFAULT_DISCOVERY_PREFIX;
        private List<ServiceName> services = List.of(ServiceName.HOME_ASSISTANT);
        private HostId agentHost;
        private Duration heartbeatTimeout = DEFAULT_HEARTBEAT_TIMEOUT;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
        private Secret signingKey;
        private boolean signedCommandsRequired;
        private Duration replayWindow = DEFAULT_REPLAY_WINDOW;
        private Duration reconnectInitialDelay = DEFAULT_RECONNECT_INITIAL_DELAY;
        private Duration reconnectMaxDelay = DEFAULT_RECONNECT_MAX_DELAY;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration stateReassertGrace = DEFAULT_STATE_REASSERT_GRACE;

        private Builder() {
        }

        private Builder(MqttBusConfig c) {
            host = c.host;
            port = c.port;
            protocol = c.protocol;
            clientId = c.clientId;
            username = c.username.orElse(null);
            password = c.password.orElse(null);
            tls = c.tls;
            trustedCaCertificate = c.trustedCaCertificate.orElse(null);
            topics = c.topics;
            discoveryPrefix = c.discoveryPrefix;
            services = c.services;
            agentHost = c.agentHost.orElse(null);
            heartbeatTimeout = c.heartbeatTimeout;
            clockSkew = c.clockSkew;
            maxPayloadBytes = c.maxPayloadBytes;
            signingKey = c.signingKey.orElse(null);
            signedCommandsRequired = c.signedCommandsRequired;
            replayWindow = c.replayWindow;
            reconnectInitialDelay = c.reconnectInitialDelay;
            reconnectMaxDelay = c.reconnectMaxDelay;
            connectTimeout = c.connectTimeout;
            stateReassertGrace = c.stateReassertGrace;
        }

        /** Broker host and port. Default {@value #DEFAULT_HOST}:{@value #DEFAULT_PORT}. */
        public Builder broker(String brokerHost, int brokerPort) {
            this.host = brokerHost;
            this.port = brokerPort;
            return this;
        }

        /** MQTT version. Default {@link MqttProtocol#AUTO}. */
        public Builder protocol(MqttProtocol value) {
            this.protocol = value;
            return this;
        }

        /** Stable client id, 1-64 of letters, digits, '.', '_' and '-'. Default {@code piha-<agent host>}. */
        public Builder clientId(String value) {
            this.clientId = value;
            return this;
        }

        /** User name and password for the broker. */
        public Builder credentials(String user, Secret pass) {
            this.username = Objects.requireNonNull(user, "username");
            this.password = Objects.requireNonNull(pass, "password");
            return this;
        }

        /** Connect over TLS, trusting the JDK's CAs. */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        /** Connect over TLS, trusting the CA certificate in this PEM file. */
        public Builder tls(Path caCertificatePem) {
            this.tls = true;
            this.trustedCaCertificate = Objects.requireNonNull(caCertificatePem, "caCertificatePem");
            return this;
        }

        /** Topic prefix. Default {@value LeadershipTopics#DEFAULT_PREFIX}. */
        public Builder topicPrefix(String prefix) {
            this.topics = new LeadershipTopics(prefix);
            return this;
        }

        /** Home Assistant discovery prefix. Default {@value #DEFAULT_DISCOVERY_PREFIX}. */
        public Builder discoveryPrefix(String prefix) {
            this.discoveryPrefix = prefix;
            return this;
        }

        /** The services this agent takes part in. Default {@code home-assistant}. */
        public Builder services(ServiceName... values) {
            this.services = List.of(values);
            return this;
        }

        /** Speak for this host: Last Will {@code offline} and {@code online} on connect, per service. */
        public Builder agentHost(HostId host) {
            this.agentHost = Objects.requireNonNull(host, "agentHost");
            return this;
        }

        /** The heartbeat timeout and clock-skew bound of the contract every participant shares. */
        public Builder contract(ContractTimings timings) {
            this.heartbeatTimeout = timings.heartbeatTimeout();
            this.clockSkew = timings.maxClockSkew();
            return this;
        }

        /** When a heartbeat counts as missing. Default 90 s. */
        public Builder heartbeatTimeout(Duration value) {
            this.heartbeatTimeout = value;
            return this;
        }

        /** Tolerated clock skew for timestamps from the future. Default 30 s. */
        public Builder clockSkew(Duration value) {
            this.clockSkew = value;
            return this;
        }

        /** Largest inbound payload. Default 64 KiB. */
        public Builder maxPayloadBytes(int value) {
            this.maxPayloadBytes = value;
            return this;
        }

        /** Sign outgoing envelope commands and verify signed incoming ones; unsigned still accepted. */
        public Builder signCommands(Secret key) {
            this.signingKey = Objects.requireNonNull(key, "key");
            this.signedCommandsRequired = false;
            return this;
        }

        /** Sign commands and refuse every unsigned, forged or replayed one (plain v1 commands included). */
        public Builder requireSignedCommands(Secret key) {
            this.signingKey = Objects.requireNonNull(key, "key");
            this.signedCommandsRequired = true;
            return this;
        }

        /** Replay window of commands. Default 2 min. */
        public Builder replayWindow(Duration value) {
            this.replayWindow = value;
            return this;
        }

        /** Reconnect backoff: first and longest delay. Defaults 250 ms and 15 s. */
        public Builder reconnectBackoff(Duration initial, Duration max) {
            this.reconnectInitialDelay = initial;
            this.reconnectMaxDelay = max;
            return this;
        }

        /** How long to wait for the first connection. Default 10 s. */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /** Wait for the broker's retained state after a reconnect before re-asserting ours. Default 1 s. */
        public Builder stateReassertGrace(Duration value) {
            this.stateReassertGrace = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the first invalid value
         * @throws NullPointerException if a required value was set to null
         */
        public MqttBusConfig build() {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(discoveryPrefix, "discoveryPrefix");
            if (host.isBlank()) {
                throw new IllegalArgumentException("broker host must not be blank");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("broker port must be 1-65535, was " + port);
            }
            if (clientId == null) {
                clientId = "piha-" + (agentHost != null ? agentHost.value() : "observer");
            }
            if (!CLIENT_ID.matcher(clientId).matches()) {
                throw new IllegalArgumentException("invalid client id '" + clientId
                        + "': use 1-64 of letters, digits, '.', '_' and '-'");
            }
            new LeadershipTopics(discoveryPrefix);
            if (services.isEmpty()) {
                throw new IllegalArgumentException("at least one service is needed");
            }
            positive("heartbeatTimeout", heartbeatTimeout);
            positive("replayWindow", replayWindow);
            positive("reconnectInitialDelay", reconnectInitialDelay);
            positive("reconnectMaxDelay", reconnectMaxDelay);
            positive("connectTimeout", connectTimeout);
            positive("stateReassertGrace", stateReassertGrace);
            if (clockSkew == null || clockSkew.isNegative()) {
                throw new IllegalArgumentException("clockSkew must be zero or positive, was " + clockSkew);
            }
            if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
                throw new IllegalArgumentException("reconnect max delay " + reconnectMaxDelay
                        + " is shorter than the initial delay " + reconnectInitialDelay);
            }
            if (maxPayloadBytes < 256 || maxPayloadBytes > 256 * 1024 * 1024) {
                throw new IllegalArgumentException("maxPayloadBytes must be 256 bytes to 256 MiB, was "
                        + maxPayloadBytes);
            }
            if (trustedCaCertificate != null && !Files.isReadable(trustedCaCertificate)) {
                throw new IllegalArgumentException("CA certificate " + trustedCaCertificate + " is not readable");
            }
            return new MqttBusConfig(this);
        }

        private static void positive(String name, Duration value) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
        }
    }
}
