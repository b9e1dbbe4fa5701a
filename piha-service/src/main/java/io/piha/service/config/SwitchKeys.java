package io.piha.service.config;

import io.piha.api.Secret;
import io.piha.poe.SwitchAddress;
import io.piha.poe.safety.SafetyConfig;
import io.piha.poe.snmp.AuthProtocol;
import io.piha.poe.snmp.PrivProtocol;
import io.piha.poe.snmp.SnmpSwitchConfig;
import io.piha.service.config.SwitchConfig.SwitchType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The keys of one switch that need more than a plain read: address, SNMPv3, transport, limits, controller. */
final class SwitchKeys {

    /** Default HTTP timeout of the REST drivers. */
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

    private SwitchKeys() {
    }

    /** The address, checked now: a bad literal is refused; a host name is resolved when the switch opens. */
    static String address(ConfigNode s, SwitchType type) {
        String address = s.text("address");
        if (address == null || type == null) {
            return address;
        }
        try {
            if (type.http() && address.contains("://")) {
                checkUrl(address);
            } else {
                SwitchAddress.parse(address, type == SwitchType.SNMP ? SnmpSwitchConfig.DEFAULT_PORT : 443);
            }
        } catch (IllegalArgumentException e) {
            s.problem("address", e.getMessage(), Optional.of(address));
            return null;
        }
        return address;
    }

    private static void checkUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
        if (!List.of("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("must be host[:port] or an http(s) URL with a host");
        }
        if (uri.getPort() > 65535 || uri.getPort() == 0) {
            throw new IllegalArgumentException("port " + uri.getPort() + " is out of range 1-65535");
        }
        SwitchAddress.parse(uri.getHost().replace("[", "").replace("]", ""), 443);
    }

    static SwitchCredentials credentials(ConfigNode c) {
        Optional<Secret> community = c.secret("community");
        Optional<SwitchCredentials.SnmpV3> v3 = c.object("v3").map(SwitchKeys::v3);
        Optional<String> username = c.optionalText("username");
        Optional<Secret> password = c.secret("password");
        Optional<Secret> token = c.secret("token");
        Optional<String> clientId = c.optionalText("client_id");
        Optional<Secret> clientSecret = c.secret("client_secret");
        c.rejectUnknownKeys();
        return new SwitchCredentials(community, v3, username, password, token, clientId, clientSecret);
    }

    private static SwitchCredentials.SnmpV3 v3(ConfigNode v) {
        int before = v.problems().count();
        String user = v.text("user");
        AuthProtocol auth = v.convert("auth_protocol", AuthProtocol.SHA256, AuthProtocol::parse);
        Secret authPassword = v.requiredSecret("auth_password");
        Optional<String> privWord = v.optionalText("priv_protocol");
        boolean noPriv = privWord.map(w -> w.strip().equalsIgnoreCase("none")).orElse(false);
        PrivProtocol priv = noPriv ? null : v.convert("priv_protocol", PrivProtocol.AES128, SwitchKeys::privacy);
        Optional<Secret> privPassword = noPriv ? v.secret("priv_password") : Optional.ofNullable(v.requiredSecret("priv_password"));
        if (noPriv && privPassword.isPresent()) {
            v.problem("priv_password", "is not used with priv_protocol: none (authNoPriv); remove it",
                    Optional.of(Secret.REDACTED));
        }
        checkLength(v, "auth_password", Optional.ofNullable(authPassword));
        checkLength(v, "priv_password", noPriv ? Optional.empty() : privPassword);
        v.rejectUnknownKeys();
        return v.problems().count() > before ? null : new SwitchCredentials.SnmpV3(user, auth, authPassword,
                Optional.ofNullable(priv), noPriv ? Optional.empty() : privPassword);
    }

    private static PrivProtocol privacy(String text) {
        try {
            return PrivProtocol.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ", or none for authNoPriv");
        }
    }

    private static void checkLength(ConfigNode v, String key, Optional<Secret> secret) {
        if (secret.isPresent() && secret.get().reveal().length() < 8) {
            v.problem(key, "must be at least 8 characters (RFC 3414)", Optional.of(Secret.REDACTED));
        }
    }

    static SwitchConfig.Transport transport(ConfigNode s, SwitchType type) {
        Duration fallback = type == SwitchType.SNMP ? SnmpSwitchConfig.DEFAULT_TIMEOUT : HTTP_TIMEOUT;
        Duration timeout = orElse(s.duration("timeout", fallback), fallback);
        int retries = s.integer("retries", SnmpSwitchConfig.DEFAULT_RETRIES, 0, 10);
        if (s.has("retries") && type != null && type != SwitchType.SNMP) {
            s.problem("retries", "is only used by snmp switches (HTTP drivers do not resend)", Optional.empty());
        }
        boolean plain = s.flag("allow_plain_http", false);
        if (s.has("allow_plain_http") && type != null && !type.http()) {
            s.problem("allow_plain_http", "is only used by switches spoken to over HTTP", Optional.empty());
        }
        return new SwitchConfig.Transport(timeout, retries, plain);
    }

    static SwitchConfig.Limits limits(ConfigNode s) {
        Optional<ConfigNode> section = s.object("limits");
        if (section.isEmpty()) {
            return defaults();
        }
        ConfigNode l = section.get();
        SwitchConfig.Limits d = defaults();
        SwitchConfig.Limits limits = new SwitchConfig.Limits(orElse(l.duration("off_time", d.offTime()), d.offTime()),
                orElse(l.duration("cooldown", d.cooldown()), d.cooldown()),
                l.integer("per_switch", d.perSwitch(), 1, 1000), l.integer("global", d.global(), 1, 1000),
                orElse(l.duration("window", d.window()), d.window()));
        l.rejectUnknownKeys();
        return limits;
    }

    static SwitchConfig.Limits defaults() {
        return new SwitchConfig.Limits(SafetyConfig.DEFAULT_OFF_TIME, SafetyConfig.DEFAULT_PORT_COOLDOWN,
                SafetyConfig.DEFAULT_PER_SWITCH_LIMIT, SafetyConfig.DEFAULT_GLOBAL_LIMIT, SafetyConfig.DEFAULT_RATE_WINDOW);
    }

    static Optional<SwitchConfig.Controller> controller(ConfigNode s, SwitchType type) {
        boolean needs = type == SwitchType.UNIFI || type == SwitchType.OMADA;
        if (!needs) {
            for (String key : List.of("site", "mac", "controller")) {
                if (s.has(key) && type != null) {
                    s.problem(key, "is only used by unifi and omada switches", Optional.empty());
                }
            }
            return Optional.empty();
        }
        String site = s.text("site", type == SwitchType.UNIFI ? "default" : "Default");
        String mac = s.convert("mac", null, SwitchKeys::mac);
        if (mac == null && !s.problems().hasAt(s.path("mac"))) {
            s.problem("mac", "is required: the switch's MAC address, e.g. 74:ac:b9:14:2c:8e", Optional.empty());
        }
        String flavor = type == SwitchType.UNIFI ? s.text("controller", "unifi_os").toLowerCase(Locale.ROOT) : "";
        if (type == SwitchType.UNIFI && !List.of("unifi_os", "classic").contains(flavor)) {
            s.problem("controller", "must be unifi_os (UDM, UCG, Cloud Key Gen2+) or classic (self-hosted)",
                    Optional.of(flavor));
        }
        if (type == SwitchType.OMADA && s.has("controller")) {
            s.problem("controller", "is only used by unifi switches", Optional.empty());
        }
        return mac == null ? Optional.empty() : Optional.of(new SwitchConfig.Controller(site, mac, flavor));
    }

    private static String mac(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('-', ':');
        if (!t.matches("([0-9a-f]{2}:){5}[0-9a-f]{2}")) {
            throw new IllegalArgumentException("must be a MAC address, e.g. 74:ac:b9:14:2c:8e");
        }
        return t;
    }

    private static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
