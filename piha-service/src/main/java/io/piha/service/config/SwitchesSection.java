package io.piha.service.config;

import io.piha.api.Secret;
import io.piha.service.config.SwitchConfig.SwitchType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code switches}: driver type, address, credentials, port map and protected ports. */
final class SwitchesSection {

    private static final List<String> AUTH = List.of("sha", "sha256", "sha512", "md5");
    private static final List<String> PRIV = List.of("aes128", "aes256", "des");

    private SwitchesSection() {
    }

    static List<SwitchConfig> read(ConfigNode root) {
        List<SwitchConfig> switches = new ArrayList<>();
        for (ConfigNode s : root.list("switches")) {
            int before = s.problems().count();
            String name = s.text("name");
            SwitchType type = s.choice("type", SwitchType.class, null);
            if (type == null && !s.problems().hasAt(s.path("type"))) {
                s.problem("type", "is required: snmp, routeros, unifi, shelly, tasmota or simulated",
                        Optional.empty());
            }
            String address = type == SwitchType.SIMULATED ? s.text("address", "simulated") : s.text("address");
            SwitchCredentials credentials = s.object("credentials").map(c -> credentials(c, type))
                    .orElse(SwitchCredentials.none());
            Map<String, String> ports = s.stringMap("ports");
            Set<String> protectedPorts = new LinkedHashSet<>(s.stringList("protected"));
            checkCredentials(s, type, credentials);
            checkPorts(s, type, ports, protectedPorts);
            s.rejectUnknownKeys();
            if (s.problems().count() == before) {
                switches.add(new SwitchConfig(name, type, address, credentials, ports, protectedPorts));
            }
        }
        return switches;
    }

    private static SwitchCredentials credentials(ConfigNode c, SwitchType type) {
        Optional<Secret> community = c.secret("community");
        Optional<SwitchCredentials.SnmpV3> v3 = c.object("v3").map(SwitchesSection::v3);
        Optional<String> username = c.optionalText("username");
        Optional<Secret> password = c.secret("password");
        Optional<Secret> token = c.secret("token");
        c.rejectUnknownKeys();
        return new SwitchCredentials(community, v3, username, password, token);
    }

    private static SwitchCredentials.SnmpV3 v3(ConfigNode v) {
        int before = v.problems().count();
        String user = v.text("user");
        String auth = v.text("auth_protocol", "sha256");
        Secret authPassword = v.requiredSecret("auth_password");
        String priv = v.text("priv_protocol", "aes128");
        Secret privPassword = v.requiredSecret("priv_password");
        if (!AUTH.contains(auth)) {
            v.problem("auth_protocol", "must be one of " + AUTH, Optional.of(auth));
        }
        if (!PRIV.contains(priv)) {
            v.problem("priv_protocol", "must be one of " + PRIV, Optional.of(priv));
        }
        for (String key : List.of("auth_password", "priv_password")) {
            Secret secret = key.equals("auth_password") ? authPassword : privPassword;
            if (secret != null && secret.reveal().length() < 8) {
                v.problem(key, "must be at least 8 characters (RFC 3414)", Optional.of(Secret.REDACTED));
            }
        }
        v.rejectUnknownKeys();
        return v.problems().count() > before ? null
                : new SwitchCredentials.SnmpV3(user, auth, authPassword, priv, privPassword);
    }

    private static void checkCredentials(ConfigNode s, SwitchType type, SwitchCredentials c) {
        if (type == SwitchType.SNMP && c.community().isEmpty() && c.v3().isEmpty()
                && !s.problems().hasAt(s.path("credentials.v3"))) {
            s.problem("credentials", "an snmp switch needs a community (v2c) or a v3 user", Optional.empty());
        }
        if (type == SwitchType.SNMP && c.community().isPresent() && c.v3().isPresent()) {
            s.problem("credentials", "give either a community (v2c) or a v3 user, not both", Optional.empty());
        }
        if ((type == SwitchType.ROUTEROS || type == SwitchType.UNIFI)
                && (c.username().isEmpty() || c.password().isEmpty()) && c.token().isEmpty()) {
            s.problem("credentials", "a " + type.name().toLowerCase(Locale.ROOT)
                    + " switch needs a username and password", Optional.empty());
        }
    }

    private static void checkPorts(ConfigNode s, SwitchType type, Map<String, String> ports, Set<String> guarded) {
        if (ports.isEmpty() && !s.problems().hasAt(s.path("ports"))) {
            s.problem("ports", "needs at least one label: port entry, e.g. haos-primary: \"1.3\"", Optional.empty());
        }
        ports.forEach((label, port) -> {
            boolean snmpShaped = port.matches("\\d+\\.\\d+|\\d+");
            if (type == SwitchType.SNMP && !snmpShaped) {
                s.problem("ports." + label, "an snmp port is group.port (pethPsePortTable index), e.g. 1.3",
                        Optional.of(port));
            } else if (port.matches("0|\\d+\\.0|0\\.\\d+") || port.isBlank()) {
                s.problem("ports." + label, "port numbers start at 1", Optional.of(port));
            }
        });
        for (String label : guarded) {
            if (!ports.containsKey(label)) {
                s.problem("protected", "names a label that is not in ports " + ports.keySet(), Optional.of(label));
            }
        }
    }
}
