package io.piha.service.config;

import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ParticipantKind;
import io.piha.core.arbiter.FencingMode;
import java.util.List;
import java.util.Optional;

/** Checks between sections of a control-plane file, once every section read cleanly. */
final class CrossChecks {

    private CrossChecks() {
    }

    static void check(ControlPlaneConfig config, ConfigProblems problems) {
        List<HostConfig> hosts = config.hosts();
        for (int i = 0; i < hosts.size(); i++) {
            HostConfig host = hosts.get(i);
            int index = i;
            host.poe().ifPresent(poe -> checkPoe(config, poe, "hosts[" + index + "].poe", problems));
            if (config.broker().requireSignedCommands() && host.participant().filter(ParticipantKind.V1::equals).isPresent()) {
                // The control plane would refuse the plain promote it sends this host, with a CRITICAL alert each time.
                problems.add("hosts[" + index + "].participant", "a v1 host speaks plain commands only, which "
                        + "broker.require_signed_commands refuses: migrate " + host.id() + " first (docs/migration.md), "
                        + "or set require_signed_commands: false", Optional.of("v1"));
            }
        }
        List<ServiceConfig> services = config.services();
        for (int i = 0; i < services.size(); i++) {
            ServiceConfig service = services.get(i);
            for (String role : List.of("primary", "standby")) {
                HostId id = role.equals("primary") ? service.primary() : service.standby();
                String at = "services[" + i + "]." + role;
                Optional<HostConfig> host = config.host(id);
                if (host.isEmpty()) {
                    problems.add(at, "names a host that is not under hosts " + hostIds(config), Optional.of(id.value()));
                } else if (service.fencing() == FencingMode.POWER_OFF && host.get().poe().isEmpty()) {
                    problems.add("services[" + i + "].fencing", "power_off needs a poe port for " + id
                            + " (or use fencing: confirmed_dead)", Optional.of("power_off"));
                }
            }
        }
    }

    private static void checkPoe(ControlPlaneConfig config, HostConfig.PoePort poe, String at,
                                 ConfigProblems problems) {
        Optional<SwitchConfig> sw = config.switchNamed(poe.switchName());
        if (sw.isEmpty()) {
            problems.add(at + ".switch", "names a switch that is not under switches "
                    + config.switches().stream().map(SwitchConfig::name).toList(), Optional.of(poe.switchName()));
            return;
        }
        if (!sw.get().ports().containsKey(poe.port())) {
            problems.add(at + ".port", "is not a label in the port map of " + sw.get().name() + " "
                    + sw.get().ports().keySet(), Optional.of(poe.port()));
        } else if (sw.get().portMap().isProtected(poe.port())) {
            problems.add(at + ".port", "is a protected port of " + sw.get().name()
                    + ": a host on it could never be power-cycled", Optional.of(poe.port()));
        }
    }

    private static List<String> hostIds(ControlPlaneConfig config) {
        return config.hosts().stream().map(h -> h.id().value()).toList();
    }
}
