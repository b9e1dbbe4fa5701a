package io.piha.service;

import io.piha.api.alert.AlertSink;
import io.piha.api.audit.AuditLog;
import io.piha.api.health.HealthProbe;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.http.alert.AlertSinks;
import io.piha.http.alert.BroadcastAlertSink;
import io.piha.http.alert.GroupingAlertSink;
import io.piha.http.audit.AuditLogs;
import io.piha.http.audit.CompositeAuditLog;
import io.piha.service.config.ControlPlaneConfig;
import io.piha.service.config.HostConfig;
import io.piha.service.config.ServiceConfig;
import io.piha.service.config.SwitchConfig;
import io.piha.runtime.ArbiterMemory;
import io.piha.runtime.ControlPlane;
import io.piha.runtime.FileIncidentLog;
import io.piha.api.leadership.LeadershipBus;
import io.piha.api.sync.IncidentLog;
import io.piha.service.config.ConfigSyncSettings;
import io.piha.poe.safety.GuardedPorts;
import io.piha.service.HostProbes;
import io.piha.http.probe.HttpHealthProbe;
import io.piha.http.status.StatusServer;
import io.piha.http.status.StatusSnapshot;
import io.piha.mqtt.MqttLeadershipBus;
import io.piha.poe.safety.GuardedSwitch;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane as a service, built from {@link ControlPlaneConfig}: one MQTT connection, one
 * {@link ControlPlane} per service, the switches behind the safety layer (ports left off by a crash are
 * switched back on at start), alerts to the configured sinks and the MQTT alerts topic, the audit log, and
 * the status page.
 */
public final class ControlPlaneService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlPlaneService.class);

    private final ControlPlaneConfig config;
    private final Clock clock;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Map<ServiceName, ControlPlane> planes = new LinkedHashMap<>();
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "piha-housekeeping");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService syncThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "piha-config-sync");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService backupThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "piha-haos-backups");
        t.setDaemon(true);
        return t;
    });
    private Optional<ConfigSyncRunner> sync = Optional.empty();
    private final ControlPlaneStatus status;
    private StatusServer statusServer;

    /** A service, not yet started. */
    public ControlPlaneService(ControlPlaneConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.status = new ControlPlaneStatus(config.site(), config.hosts().stream().map(h -> h.id().value())
                .collect(java.util.stream.Collectors.toSet()), clock);
    }

    /**
     * Connects and starts every service's control plane.
     *
     * @param stateDir where the arbiters' memory and the PoE ledgers live
     */
    public ControlPlaneService start(Path stateDir) {
        try {
            return open(stateDir);
        } catch (RuntimeException e) {
            // e.g. a memory that cannot be trusted: nothing half-started is left running
            close();
            throw e;
        }
    }

    private ControlPlaneService open(Path stateDir) {
        status.seed(config.audit().file());
        CompositeAuditLog trail = keep(AuditLogs.open(config.audit()));
        AuditLog audit = status.decisions(trail);
        MqttLeadershipBus bus = keep(MqttLeadershipBus.connect(Brokers.busConfig(config.broker(), config.timings().contract(),
                config.services().stream().map(ServiceConfig::name).toList(), Optional.empty())));
        HttpClient http = HttpHealthProbe.newClient(config.timings().probeTimeout());
        GroupingAlertSink grouped = AlertSinks.from(config.alerts(), http, clock);
        AlertSink alerts = status.alerts(new BroadcastAlertSink(List.of(grouped, bus.alertChannel())));
        housekeeping.scheduleAtFixedRate(grouped::flush, 1, 1, TimeUnit.MINUTES);
        Map<String, GuardedSwitch> switches = openSwitches(stateDir, trail, alerts);
        Optional<ConfigSyncSettings> syncSettings = config.sync();
        IncidentLog incidents = syncSettings.<IncidentLog>map(sc -> new FileIncidentLog(
                stateDir.resolve("incidents-" + sc.service() + ".log"), clock.instant())).orElse(IncidentLog.NONE);
        sync = syncSettings.map(sc -> ConfigSyncRunner.of(sc, stateDir, incidents, alerts, audit, bus, config.actor(), clock));
        for (ServiceConfig svc : config.services()) {
            boolean synced = syncSettings.filter(sc -> sc.service().equals(svc.name())).isPresent();
            ControlPlane plane = plane(svc, bus, http, switches, alerts, audit, stateDir,
                    synced ? incidents : IncidentLog.NONE);
            if (synced) {
                plane.onChange(sync.orElseThrow()::onArbiterChange);
            }
            LeadershipBus.Subscription watched = status.watch(plane, bus);
            resources.add(watched::close);
            planes.put(svc.name(), keep(plane).start());
        }
        status.configSync(() -> sync.map(ConfigSyncRunner::describe));
        sync.ifPresent(s -> {
            LeadershipBus.Subscription flag = s.start(syncThread, syncSettings.orElseThrow().checkEvery());
            resources.add(flag::close);
        });
        new ScheduledBackups(config, clock, audit, alerts).start(backupThread);
        long every = config.timings().probeInterval().toMillis();
        housekeeping.scheduleAtFixedRate(() -> planes.values().forEach(ControlPlane::refreshProbes), 0, every,
                TimeUnit.MILLISECONDS);
        if (config.status().enabled()) {
            statusServer = keep(StatusServer.start(new InetSocketAddress(config.status().bind(), config.status().port()),
                    this::snapshot));
            LOG.info("status page on http://{}:{}/", config.status().bind(), config.status().port());
        }
        return this;
    }

    private Map<String, GuardedSwitch> openSwitches(Path stateDir, AuditLog audit, AlertSink alerts) {
        Map<String, GuardedSwitch> out = new HashMap<>();
        for (SwitchConfig sc : config.switches()) {
            GuardedSwitch gs = Switches.open(sc, stateDir, clock, status.poe(sc.name(), audit), alerts);
            status.watch(gs);
            gs.restoreLeftOffPorts(config.actor() + " start-up").forEach(o -> LOG.warn("switch {}: restored at start-up: {}", sc.name(), o));
            out.put(sc.name(), gs);
        }
        return out;
    }

    private ControlPlane plane(ServiceConfig svc, MqttLeadershipBus bus, HttpClient http, Map<String, GuardedSwitch> switches,
                               AlertSink alerts, AuditLog audit, Path stateDir, IncidentLog incidents) {
        ArbiterPolicy policy = config.policy(svc);
        Map<HostId, HealthProbe> probes = new HashMap<>();
        Map<HostId, GuardedPorts.Port> ports = new HashMap<>();
        for (HostId id : List.of(svc.primary(), svc.standby())) {
            HostConfig host = config.host(id).orElseThrow(() -> new IllegalArgumentException("services." + svc.name()
                    + ": host " + id + " is not configured under hosts"));
            probes.put(id, HostProbes.forHost(host, http, clock));
            host.poe().ifPresent(p -> ports.put(id, new GuardedPorts.Port(switches.get(p.switchName()), p.port())));
        }
        ArbiterMemory memory = ArbiterMemory.inFile(MemoryRebuild.memoryFile(stateDir, svc.name()));
        return new ControlPlane(policy, new ControlPlane.Wiring(bus, probes, new GuardedPorts(ports, config.actor()),
                alerts, audit, memory, clock, incidents));
    }

    /** What the status page shows, now. */
    public StatusSnapshot snapshot() {
        return status.snapshot();
    }

    /** The control plane of a service. */
    public Optional<ControlPlane> plane(ServiceName service) {
        return Optional.ofNullable(planes.get(service));
    }

    /** The status page's address, if it runs. */
    public Optional<java.net.URI> statusUrl() {
        return Optional.ofNullable(statusServer).map(StatusServer::url);
    }

    private <T extends AutoCloseable> T keep(T r) {
        resources.add(r);
        return r;
    }

    @Override
    public void close() {
        io.piha.runtime.Threads.stop(housekeeping, "the control plane's housekeeping");
        io.piha.runtime.Threads.stop(syncThread, "config sync");
        io.piha.runtime.Threads.stop(backupThread, "HAOS backups");
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", resources.get(i), e.toString());
            }
        }
    }

}
