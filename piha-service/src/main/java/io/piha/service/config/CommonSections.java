package io.piha.service.config;

import io.piha.http.audit.AuditConfig;
import io.piha.api.Durations;
import io.piha.api.Secret;
import io.piha.api.leadership.ContractTimings;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Optional;
import java.util.List;

/** The sections both runner files share: {@code broker}, {@code audit} and the contract's {@code timings}. */
final class CommonSections {

    static final List<String> HTTP = List.of("http", "https");
    static final List<String> MQTT = List.of("mqtt", "mqtts", "tcp", "ssl");

    private CommonSections() {
    }

    static BrokerConfig broker(ConfigNode parent, String defaultClientId) {
        ConfigNode b = parent.requiredObject("broker");
        if (b == null) {
            return null;
        }
        int before = b.problems().count();
        var url = b.url("url", MQTT);
        String clientId = b.text("client_id", defaultClientId);
        if (clientId != null && !clientId.matches("[A-Za-z0-9._-]{1,64}")) {
            b.problem("client_id", "must be 1-64 of A-Z, a-z, 0-9, '.', '_', '-'", Optional.of(clientId));
        }
        Optional<String> username = b.optionalText("username");
        Optional<Secret> password = b.secret("password");
        if (password.isPresent() && username.isEmpty()) {
            b.problem("username", "is required when a password is given", Optional.empty());
        }
        if (username.isPresent() && password.isEmpty() && !b.problems().hasAt(b.path("password"))) {
            b.problem("password", "is required when a username is given (e.g. password: ${PIHA_MQTT_PASSWORD})",
                    Optional.empty());
        }
        Optional<Path> ca = b.optionalText("ca_certificate").map(Path::of);
        String prefix = b.text("topic_prefix", BrokerConfig.DEFAULT_TOPIC_PREFIX);
        if (prefix.contains("+") || prefix.contains("#") || prefix.endsWith("/") || prefix.isBlank()) {
            b.problem("topic_prefix", "must be a topic without wildcards or trailing '/'", Optional.of(prefix));
        }
        Optional<Secret> signingKey = b.secret("signing_key");
        boolean requireSigned = b.flag("require_signed_commands", false);
        if (requireSigned && signingKey.isEmpty()) {
            b.problem("require_signed_commands", "needs broker.signing_key", Optional.of("true"));
        }
        if (ca.isPresent() && url != null && !url.getScheme().matches("mqtts|ssl")) {
            b.problem("ca_certificate", "is only used with mqtts://", Optional.of(ca.get().toString()));
        }
        b.rejectUnknownKeys();
        return b.problems().count() > before ? null
                : new BrokerConfig(url, clientId, username, password, ca, prefix, signingKey, requireSigned);
    }

    /**
     * The contract timings of a {@code timings} section: {@code heartbeat_interval}, {@code heartbeat_timeout} and
     * {@code max_clock_skew}, the one value the codec, the arbiter and the agent share.
     */
    static ContractTimings contract(ConfigNode t) {
        ContractTimings d = ContractTimings.DEFAULTS;
        Duration interval = t.duration("heartbeat_interval", d.heartbeatInterval());
        Duration timeout = t.duration("heartbeat_timeout", d.heartbeatTimeout());
        Duration skew = t.duration("max_clock_skew", d.maxClockSkew());
        if (interval == null || timeout == null || skew == null) {
            return d;
        }
        try {
            return new ContractTimings(interval, timeout, skew);
        } catch (IllegalArgumentException e) {
            t.problem("heartbeat_timeout", e.getMessage(), Optional.of(Durations.format(timeout)));
            return d;
        }
    }

    static AuditConfig audit(ConfigNode parent, Path defaultFile) {
        Optional<ConfigNode> section = parent.object("audit");
        if (section.isEmpty()) {
            return AuditConfig.defaults(defaultFile);
        }
        ConfigNode a = section.get();
        Path file = Path.of(a.text("file", defaultFile.toString()));
        long maxBytes = a.bytes("max_size", AuditConfig.DEFAULT_MAX_BYTES);
        if (maxBytes < 1024) {
            a.problem("max_size", "must be at least 1KiB", a.optionalText("max_size"));
        }
        int keep = a.integer("keep", AuditConfig.DEFAULT_KEEP, 1, 1000);
        boolean fsync = a.flag("fsync", true);
        boolean syslog = a.flag("syslog", true);
        a.rejectUnknownKeys();
        return new AuditConfig(file, maxBytes, keep, fsync, syslog);
    }

    /**
     * A read-only HTTP listener ({@code status} of the control plane, {@code gate} of the agent): {@code enabled}
     * (default true), {@code bind} (default 127.0.0.1), {@code port}.
     */
    static StatusConfig listener(ConfigNode root, String key, int defaultPort) {
        Optional<ConfigNode> section = root.object(key);
        if (section.isEmpty()) {
            return new StatusConfig(true, StatusConfig.DEFAULT_BIND, defaultPort);
        }
        ConfigNode s = section.get();
        String bind = s.text("bind", StatusConfig.DEFAULT_BIND);
        if (!bind.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            s.problem("bind", "must be an address or host name, e.g. 127.0.0.1 or 0.0.0.0", Optional.of(bind));
        }
        StatusConfig listener = new StatusConfig(s.flag("enabled", true), bind, s.integer("port", defaultPort, 0, 65535));
        s.rejectUnknownKeys();
        return listener;
    }
}
