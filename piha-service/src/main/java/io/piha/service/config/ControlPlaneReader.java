package io.piha.service.config;

import io.piha.http.alert.AlertsConfig;
import io.piha.http.audit.AuditConfig;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.FencingMode;
import io.piha.api.leadership.ParticipantKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a control-plane file and checks what spans sections: hosts of services, switches of hosts. */
final class ControlPlaneReader {

    private ControlPlaneReader() {
    }

    static ControlPlaneConfig read(ConfigNode root) {
        String site = root.text("site", "home");
        String actor = root.text("actor", "nas");
        BrokerConfig broker = CommonSections.broker(root, "piha-control-plane");
        List<HostConfig> hosts = HostsSection.read(root);
        List<SwitchConfig> switches = SwitchesSection.read(root);
        List<ServiceConfig> services = services(root, hosts);
        TimingsConfig timings = timings(root);
        AlertsConfig alerts = AlertsSection.read(root);
        StatusConfig status = status(root);
        AuditConfig audit = CommonSections.audit(root, AuditConfig.DEFAULT_FILE);
        Optional<ConfigSyncSettings> sync = SyncSection.controlPlane(root, services.stream().map(ServiceConfig::name).toList());
        RecoveryConfig recovery = RecoverySection.read(root);
        root.rejectUnknownKeys();
        unique(root, "hosts", "id", hosts.stream().map(h -> h.id().value()).toList());
        unique(root, "switches", "name", switches.stream().map(SwitchConfig::name).toList());
        unique(root, "services", "name", services.stream().map(s -> s.name().value()).toList());
        ControlPlaneConfig config = root.problems().count() > 0 ? null : new ControlPlaneConfig(site, actor, broker,
                services, hosts, switches, timings, alerts, status, audit, sync, recovery);
        if (config != null) {
            CrossChecks.check(config, root.problems());
        }
        return config;
    }

    private static List<ServiceConfig> services(ConfigNode root, List<HostConfig> hosts) {
        List<ServiceConfig> services = new ArrayList<>();
        List<ConfigNode> items = root.list("services");
        if (items.isEmpty() && !root.problems().hasAt("services")) {
            root.problem("services", "needs at least one service, e.g. name: home-assistant", Optional.empty());
        }
        for (ConfigNode s : items) {
            int before = s.problems().count();
            ServiceName name = s.convert("name", ServiceName.HOME_ASSISTANT, ServiceName::of);
            HostId primary = HostsSection.hostId(s, "primary");
            HostId standby = HostsSection.hostId(s, "standby");
            FencingMode fencing = s.choice("fencing", FencingMode.class, FencingMode.POWER_OFF);
            if (primary != null && primary.equals(standby)) {
                s.problem("standby", "must differ from primary", Optional.of(standby.value()));
            }
            s.rejectUnknownKeys();
            if (s.problems().count() == before) {
                Map<HostId, ParticipantKind> participants = new HashMap<>();
                hosts.stream().filter(h -> h.id().equals(primary) || h.id().equals(standby))
                        .forEach(h -> h.participant().ifPresent(k -> participants.put(h.id(), k)));
                services.add(new ServiceConfig(name, primary, standby, fencing, participants));
            }
        }
        return services;
    }

    private static TimingsConfig timings(ConfigNode root) {
        TimingsConfig d = TimingsConfig.defaults();
        Optional<ConfigNode> section = root.object("timings");
        if (section.isEmpty()) {
            return d;
        }
        ConfigNode t = section.get();
        TimingsConfig timings = new TimingsConfig(
                CommonSections.contract(t),
                orDefault(t.duration("recovery_wait", d.recoveryWait()), d.recoveryWait()),
                orDefault(t.duration("probe_timeout", d.probeTimeout()), d.probeTimeout()),
                orDefault(t.duration("promotion_timeout", d.promotionTimeout()), d.promotionTimeout()),
                orDefault(t.duration("min_time_between_failovers", d.minTimeBetweenFailovers()),
                        d.minTimeBetweenFailovers()),
                orDefault(t.duration("retry_interval", d.retryInterval()), d.retryInterval()),
                orDefault(t.duration("command_ttl", d.commandTtl()), d.commandTtl()),
                orDefault(t.duration("probe_interval", d.probeInterval()), d.probeInterval()),
                safety(t, d.safety()));
        t.rejectUnknownKeys();
        return timings;
    }

    private static ArbiterPolicy.Safety safety(ConfigNode t, ArbiterPolicy.Safety d) {
        return new ArbiterPolicy.Safety(
                orDefault(t.duration("lease_duration", d.leaseDuration()), d.leaseDuration()),
                orDefault(t.duration("demote_timeout", d.demoteTimeout()), d.demoteTimeout()),
                orDefault(t.duration("plain_command_window", d.plainCommandWindow()), d.plainCommandWindow()),
                orDefault(t.duration("reminder_interval", d.reminderInterval()), d.reminderInterval()),
                d.maxEpochJump(), d.requireSignedAgents());
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static StatusConfig status(ConfigNode root) {
        return CommonSections.listener(root, "status", StatusConfig.DEFAULT_PORT);
    }

    private static void unique(ConfigNode root, String list, String key, List<String> values) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) {
                root.problem(list + "[" + i + "]." + key, "is used twice", Optional.of(values.get(i)));
            }
        }
    }
}
