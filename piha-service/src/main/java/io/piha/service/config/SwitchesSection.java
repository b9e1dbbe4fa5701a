package io.piha.service.config;

import io.piha.service.config.SwitchConfig.SwitchType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code switches}: driver type, address, credentials, port map, protected ports, transport and limits.
 * Each switch is read the same way from a file and from the command line's flags.
 */
final class SwitchesSection {

    private SwitchesSection() {
    }

    static List<SwitchConfig> read(ConfigNode root) {
        List<SwitchConfig> switches = new ArrayList<>();
        for (ConfigNode s : root.list("switches")) {
            Optional.ofNullable(readOne(s)).ifPresent(switches::add);
        }
        return switches;
    }

    /** One switch mapping; null (with problems recorded) if it is not valid. */
    static SwitchConfig readOne(ConfigNode s) {
        int before = s.problems().count();
        String name = s.text("name");
        SwitchType type = s.choice("type", SwitchType.class, null);
        if (type == null && !s.problems().hasAt(s.path("type"))) {
            s.problem("type", "is required: " + String.join(", ", types()), Optional.empty());
        }
        String address = type == SwitchType.SIMULATED ? s.text("address", "") : SwitchKeys.address(s, type);
        SwitchCredentials credentials = s.object("credentials").map(SwitchKeys::credentials)
                .orElse(SwitchCredentials.none());
        Map<String, String> ports = s.stringMap("ports");
        Set<String> protectedPorts = new LinkedHashSet<>(s.stringList("protected"));
        SwitchConfig.Transport transport = SwitchKeys.transport(s, type);
        SwitchConfig.Limits limits = SwitchKeys.limits(s);
        Optional<SwitchConfig.Controller> controller = SwitchKeys.controller(s, type);
        checkCredentials(s, type, credentials);
        checkPlainHttp(s, address, credentials, transport);
        checkPorts(s, type, ports, protectedPorts);
        s.rejectUnknownKeys();
        if (s.problems().count() > before || type == null) {
            return null;
        }
        return new SwitchConfig(name, type, address, credentials, ports, protectedPorts, transport, limits, controller);
    }

    private static List<String> types() {
        return java.util.Arrays.stream(SwitchType.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static void checkCredentials(ConfigNode s, SwitchType type, SwitchCredentials c) {
        if (type == SwitchType.SNMP && c.community().isEmpty() && c.v3().isEmpty()
                && !s.problems().hasAt(s.path("credentials.v3"))) {
            s.problem("credentials", "an snmp switch needs a community (v2c) or a v3 user", Optional.empty());
        }
        if (type == SwitchType.SNMP && c.community().isPresent() && c.v3().isPresent()) {
            s.problem("credentials", "give either a community (v2c) or a v3 user, not both", Optional.empty());
        }
        boolean login = type == SwitchType.ROUTEROS || type == SwitchType.UNIFI || type == SwitchType.NETGEAR;
        if (login && (c.username().isEmpty() || c.password().isEmpty())) {
            s.problem("credentials", "a " + type.name().toLowerCase(Locale.ROOT)
                    + " switch needs a username and password", Optional.empty());
        }
        if (type == SwitchType.OMADA && (c.clientId().isEmpty() || c.clientSecret().isEmpty())) {
            s.problem("credentials", "an omada controller needs the client_id and client_secret of an Open API "
                    + "application (Settings > Platform Integration)", Optional.empty());
        }
    }

    private static void checkPlainHttp(ConfigNode s, String address, SwitchCredentials c,
                                       SwitchConfig.Transport transport) {
        boolean secret = c.password().isPresent() || c.token().isPresent() || c.clientSecret().isPresent();
        if (address != null && address.toLowerCase(Locale.ROOT).startsWith("http://") && secret
                && !transport.allowPlainHttp()) {
            s.problem("address", "credentials would travel unencrypted over http://: use https://, or set "
                    + "allow_plain_http: true for a device that has no HTTPS (Shelly, Tasmota)", Optional.of(address));
        }
    }

    private static void checkPorts(ConfigNode s, SwitchType type, Map<String, String> ports, Set<String> guarded) {
        if (ports.isEmpty() && !s.problems().hasAt(s.path("ports"))) {
            s.problem("ports", "needs at least one label: port entry, e.g. haos-primary: \"1.3\"", Optional.empty());
        }
        boolean numbered = type == SwitchType.UNIFI || type == SwitchType.OMADA || type == SwitchType.NETGEAR;
        ports.forEach((label, port) -> {
            boolean snmpShaped = port.matches("\\d+\\.\\d+|\\d+");
            if (type == SwitchType.SNMP && !snmpShaped) {
                s.problem("ports." + label, "an snmp port is group.port (pethPsePortTable index), e.g. 1.3",
                        Optional.of(port));
            } else if (numbered && !port.matches("\\d+")) {
                s.problem("ports." + label, "a " + type.name().toLowerCase(Locale.ROOT)
                        + " port is the switch's port number, e.g. 3", Optional.of(port));
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
