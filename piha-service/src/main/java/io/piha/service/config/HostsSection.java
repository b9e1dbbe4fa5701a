package io.piha.service.config;

import io.piha.http.probe.ProbeConfig;
import io.piha.api.Secret;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ParticipantKind;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code hosts}: ids, probes and PoE ports. */
final class HostsSection {

    private enum ProbeType { SUPERVISOR, HOME_ASSISTANT, HTTP, TCP }

    private HostsSection() {
    }

    static List<HostConfig> read(ConfigNode root) {
        List<HostConfig> hosts = new ArrayList<>();
        for (ConfigNode h : root.list("hosts")) {
            int before = h.problems().count();
            HostId id = hostId(h, "id");
            List<ProbeConfig> probes = new ArrayList<>();
            for (ConfigNode p : h.list("probes")) {
                Optional.ofNullable(probe(p)).ifPresent(probes::add);
            }
            if (!h.has("probes") || (probes.isEmpty() && h.problems().count() == before)) {
                h.problem("probes", "needs at least one probe (supervisor, home_assistant, http or tcp)",
                        Optional.empty());
            }
            Optional<HostConfig.PoePort> poe = h.object("poe").map(HostsSection::poe);
            Optional<ParticipantKind> participant = Optional.ofNullable(h.choice("participant", ParticipantKind.class, null));
            var supervisor = RecoverySection.supervisor(h);
            var reinstall = RecoverySection.reinstall(h);
            h.rejectUnknownKeys();
            if (h.problems().count() == before) {
                hosts.add(new HostConfig(id, probes, poe, participant, supervisor, reinstall));
            }
        }
        return hosts;
    }

    static HostId hostId(ConfigNode node, String key) {
        HostId id = node.convert(key, null, HostId::of);
        if (id == null && !node.problems().hasAt(node.path(key))) {
            node.problem(key, "is required", Optional.empty());
        }
        return id;
    }

    private static ProbeConfig probe(ConfigNode p) {
        int before = p.problems().count();
        ProbeType type = p.choice("type", ProbeType.class, null);
        Duration timeout = p.duration("timeout", ProbeConfig.DEFAULT_TIMEOUT);
        if (type == null) {
            if (!p.problems().hasAt(p.path("type"))) {
                p.problem("type", "is required: supervisor, home_assistant, http or tcp", Optional.empty());
            }
            return null;
        }
        URI url = type == ProbeType.TCP ? null : p.url("url", CommonSections.HTTP);
        Optional<Secret> token = type == ProbeType.HOME_ASSISTANT ? p.secret("token") : Optional.empty();
        int[] range = type == ProbeType.HTTP
                ? p.convert("expect_status", new int[] {200, 299}, HostsSection::statusRange) : null;
        HostPort tcp = type == ProbeType.TCP ? tcpAddress(p) : null;
        p.rejectUnknownKeys();
        if (p.problems().count() > before) {
            return null;
        }
        return switch (type) {
            case SUPERVISOR -> new ProbeConfig.Supervisor(url, timeout);
            case HOME_ASSISTANT -> new ProbeConfig.HomeAssistant(url, token, timeout);
            case HTTP -> new ProbeConfig.Http(url, range[0], range[1], timeout);
            case TCP -> new ProbeConfig.Tcp(tcp.host(), tcp.port(), timeout);
        };
    }

    private record HostPort(String host, int port) {
    }

    private static int[] statusRange(String text) {
        String[] parts = text.strip().split("\\s*-\\s*");
        try {
            int low = Integer.parseInt(parts[0]);
            int high = parts.length == 2 ? Integer.parseInt(parts[1]) : low;
            if (parts.length <= 2 && low >= 100 && high <= 599 && low <= high) {
                return new int[] {low, high};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be a status or a range within 100-599, e.g. 200 or 200-299");
    }

    private static HostPort tcpAddress(ConfigNode p) {
        HostPort address = p.convert("address", null, HostsSection::hostPort);
        if (address == null && !p.problems().hasAt(p.path("address"))) {
            p.problem("address", "is required, as host:port", Optional.empty());
        }
        return address;
    }

    private static HostPort hostPort(String address) {
        int colon = address.lastIndexOf(':');
        try {
            int port = colon > 0 ? Integer.parseInt(address.substring(colon + 1)) : -1;
            if (port >= 1 && port <= 65535) {
                return new HostPort(address.substring(0, colon), port);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be host:port with a port of 1-65535");
    }

    private static HostConfig.PoePort poe(ConfigNode poe) {
        String sw = poe.text("switch");
        String port = poe.text("port");
        poe.rejectUnknownKeys();
        return sw == null || port == null ? null : new HostConfig.PoePort(sw, port);
    }
}
