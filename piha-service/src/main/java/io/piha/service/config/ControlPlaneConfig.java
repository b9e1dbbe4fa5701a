package io.piha.service.config;

import io.piha.http.alert.AlertsConfig;
import io.piha.http.audit.AuditConfig;
import io.piha.api.leadership.HostId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of the control plane on the NAS: one file, validated as a whole by
 * {@link ConfigLoader#loadControlPlane}.
 *
 * @param site the estate's name, shown on the status page
 * @param actor the control plane's name in events and audit (default {@code nas})
 * @param broker the MQTT broker
 * @param services the arbitrated services
 * @param hosts the watched hosts
 * @param switches the PoE switches
 * @param timings the arbiter's timings
 * @param alerts where alerts go
 * @param status the status page
 * @param audit the audit log
 * @param sync config sync of the primary's configuration to the standby branch, if configured
 * @param recovery where HAOS backups and config snapshots are staged, and the limits of reinstalls
 * @since 0.1
 */
public record ControlPlaneConfig(String site, String actor, BrokerConfig broker, List<ServiceConfig> services,
                                 List<HostConfig> hosts, List<SwitchConfig> switches, TimingsConfig timings,
                                 AlertsConfig alerts, StatusConfig status, AuditConfig audit,
                                 Optional<ConfigSyncSettings> sync, RecoveryConfig recovery) {

    /** @throws NullPointerException if a component is null */
    public ControlPlaneConfig {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(broker, "broker");
        services = List.copyOf(services);
        hosts = List.copyOf(hosts);
        switches = List.copyOf(switches);
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(recovery, "recovery");
    }

    /** A configuration with the default {@code recovery:} section. */
    public ControlPlaneConfig(String site, String actor, BrokerConfig broker, List<ServiceConfig> services,
                              List<HostConfig> hosts, List<SwitchConfig> switches, TimingsConfig timings,
                              AlertsConfig alerts, StatusConfig status, AuditConfig audit,
                              Optional<ConfigSyncSettings> sync) {
        this(site, actor, broker, services, hosts, switches, timings, alerts, status, audit, sync,
                RecoveryConfig.defaults());
    }

    /** The host with this id, if configured. */
    public Optional<HostConfig> host(HostId id) {
        return hosts.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    /**
     * The arbiter's policy for {@code service}: the timings, its hosts' participation, its fencing, this control
     * plane's actor name, and signed agents' heartbeats required when the broker requires signed commands.
     */
    public io.piha.core.arbiter.ArbiterPolicy policy(ServiceConfig service) {
        return timings.policy(service.name(), service.topology(), service.fencing(), actor,
                broker.requireSignedCommands());
    }

    /** The switch with this name, if configured. */
    public Optional<SwitchConfig> switchNamed(String name) {
        return switches.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
