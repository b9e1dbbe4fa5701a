package io.piha.cli.drill;

import io.piha.testkit.homeassistant.SimulatedHomeAssistant;
import io.piha.testkit.mqtt.EmbeddedHiveMq;
import io.piha.api.alert.AlertSink;
import io.piha.api.audit.AuditLog;
import io.piha.api.health.HealthProbe;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.ServiceName;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.api.Secret;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.Topology;
import io.piha.core.node.NodePolicy;
import io.piha.http.actuator.HomeAssistantAutomations;
import io.piha.runtime.Agent;
import io.piha.runtime.ArbiterMemory;
import io.piha.runtime.ControlPlane;
import io.piha.poe.safety.GuardedPorts;
import io.piha.http.probe.HomeAssistantApiProbe;
import io.piha.http.probe.HttpHealthProbe;
import io.piha.http.probe.SupervisorPingProbe;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.MqttLeadershipBus;
import io.piha.poe.Pause;
import io.piha.poe.safety.GuardedSwitch;
import io.piha.poe.safety.RecoveryOutcome;
import io.piha.poe.safety.RecoveryRequest;
import io.piha.poe.safety.SafetyConfig;
import io.piha.poe.safety.SafetyLedger;
import io.piha.testkit.poe.SimulatedPoeSwitch;
import io.piha.api.leadership.LeadershipBus;
import io.piha.http.status.StatusServer;
import io.piha.service.ControlPlaneStatus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import io.piha.poe.snmp.SnmpCredentials;
import io.piha.poe.snmp.SnmpPoeDriver;
import io.piha.poe.snmp.SnmpSwitchConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the drill runs, in-process and on 127.0.0.1: an MQTT broker, an SNMP PoE switch whose port power
 * really stops and starts the two simulated Home Assistant hosts, the real control plane (probes, PoE safety
 * layer, arbiter) and the real standby agent with its REST actuator. Timings are the contract's divided by 100.
 */
final class DrillHome implements AutoCloseable {

    static final ServiceName SERVICE = ServiceName.HOME_ASSISTANT;
    static final HostId PRIMARY = HostId.of("haos-primary");
    static final HostId STANDBY = HostId.of("haos-standby");
    static final Duration HEARTBEAT = Pace.DRILL.heartbeat();
    static final String TOKEN = "drill-long-lived-token";
    static final Duration OFF_TIME = Duration.ofMillis(200);

    final Clock clock = Clock.systemUTC();
    final DrillTimeline timeline;
    final ArbiterPolicy policy;
    final int brokerPort;
    final SimulatedPoeSwitch poeSwitch;
    final SimulatedHomeAssistant primary;
    final SimulatedHomeAssistant standby;
    final GuardedSwitch rack;
    final ControlPlane controlPlane;
    final Agent standbyAgent;
    /** What the drill's status page shows. */
    final ControlPlaneStatus status;
    private final StatusServer statusServer;
    private final MqttLeadershipBus operatorBus;
    private final MqttLeadershipBus observer;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Path work;
    private final int switchActionsPerMinute;

    /**
     * @param externalBrokerPort an MQTT broker already listening on 127.0.0.1 (e.g. Mosquitto); empty starts
     *     HiveMQ CE in-process
     */
    DrillHome(DrillTimeline timeline, Optional<Integer> externalBrokerPort) {
        this(timeline, externalBrokerPort, Duration.ofSeconds(9), Pace.DRILL);
    }

    /**
     * How fast the home runs.
     *
     * @param heartbeat the leader's heartbeat interval
     * @param timeout silence after which the leader is missing
     * @param recoveryWait wait after the power-cycle
     */
    record Pace(Duration heartbeat, Duration timeout, Duration recoveryWait) {
        /** The contract's timings divided by 100. */
        static final Pace DRILL = new Pace(Duration.ofMillis(300), Duration.ofMillis(900), Duration.ofMillis(600));
        /** Heartbeats every second, missing after three, half a second to come back after a power-cycle. */
        static final Pace ONE_SECOND = new Pace(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofMillis(500));
    }

    /**
     * As above, with the anti-flap interval given: benchmarks fail over again and again, so the switch's rate limit
     * (20 actions a minute in the drill) is lifted to 20 per anti-flap interval's worth of a minute, at most 600.
     */
    DrillHome(DrillTimeline timeline, Optional<Integer> externalBrokerPort, Duration minTimeBetweenFailovers, Pace pace) {
        this.timeline = timeline;
        this.switchActionsPerMinute = (int) Math.min(600, Math.max(20,
                20 * Duration.ofSeconds(9).toMillis() / Math.max(1, minTimeBetweenFailovers.toMillis())));
        this.policy = ArbiterPolicy.custom(SERVICE, new Topology(PRIMARY, STANDBY))
                .heartbeatTimeout(pace.timeout()).recoveryWait(pace.recoveryWait())
                .probeTimeout(Duration.ofMillis(500)).promotionTimeout(Duration.ofSeconds(3))
                .minTimeBetweenFailovers(minTimeBetweenFailovers).retryInterval(Duration.ofMillis(600))
                .commandTtl(Duration.ofSeconds(30)).build();
        try {
            work = Files.createTempDirectory("piha-drill-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the drill's work folder", e);
        }
        if (externalBrokerPort.isPresent()) {
            brokerPort = externalBrokerPort.get();
            timeline.line("drill", "MQTT broker given on 127.0.0.1:" + brokerPort);
        } else {
            brokerPort = keep(EmbeddedHiveMq.startInMemory()).port();
            timeline.line("drill", "MQTT broker (HiveMQ CE, in-process, in memory) on 127.0.0.1:" + brokerPort);
        }
        poeSwitch = keep(SimulatedPoeSwitch.builder().ports(1, 8).start());
        timeline.line("drill", "PoE switch (SNMP agent, POWER-ETHERNET-MIB) on " + poeSwitch.address());
        primary = keep(new SimulatedHomeAssistant(PRIMARY, SERVICE, TOKEN, true, brokerPort, pace.heartbeat(), clock,
                s -> timeline.line("world", s)));
        standby = keep(new SimulatedHomeAssistant(STANDBY, SERVICE, TOKEN, false, brokerPort, pace.heartbeat(), clock,
                s -> timeline.line("world", s)));
        poeSwitch.addListener((port, powered) -> {
            if (port.equals(PortAddress.of(1, 1))) {
                primary.powerChanged(powered);
            } else if (port.equals(PortAddress.of(1, 2))) {
                standby.powerChanged(powered);
            }
        });
        status = new ControlPlaneStatus("drill", Set.of(PRIMARY.value(), STANDBY.value()), clock);
        rack = rack();
        status.watch(rack);
        observer = keep(bus("piha-observer", Optional.empty()));
        observer.subscribe(SERVICE, timeline);
        operatorBus = keep(bus("piha-operator", Optional.empty()));
        controlPlane = keep(new ControlPlane(policy, new ControlPlane.Wiring(keep(bus("piha-control-plane", Optional.empty())),
                probes(), new GuardedPorts(Map.of(PRIMARY, new GuardedPorts.Port(rack, PRIMARY.value()),
                STANDBY, new GuardedPorts.Port(rack, STANDBY.value())), "control-plane"), status.alerts(timeline),
                status.decisions(auditLog()), ArbiterMemory.inFile(work.resolve("arbiter.properties")), clock)));
        LeadershipBus.Subscription watched = status.watch(controlPlane, observer);
        closeables.add(watched::close);
        statusServer = keep(StatusServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), status::snapshot));
        timeline.line("drill", "status page on " + statusServer.url() + " (metrics on " + statusServer.url().resolve("/metrics")
                + ")");
        standbyAgent = keep(new Agent(NodePolicy.ofDefaults(SERVICE, STANDBY), keep(bus("piha-agent-" + STANDBY, Optional.of(STANDBY))),
                new HomeAssistantAutomations(standby.base(), () -> TOKEN, "all", Duration.ofSeconds(2)),
                entry -> { }, clock, pace.heartbeat()));
    }

    private GuardedSwitch rack() {
        PortMap map = new PortMap("rack-switch", Map.of(PRIMARY.value(), PortAddress.of(1, 1), STANDBY.value(), PortAddress.of(1, 2),
                "nas", PortAddress.of(1, 8)), Set.of("nas"));
        SnmpPoeDriver driver = keep(SnmpPoeDriver.open(SnmpSwitchConfig.of(poeSwitch.address(),
                SnmpCredentials.community(Secret.of("private")), map)));
        SafetyConfig safety = SafetyConfig.custom().offTime(OFF_TIME).portCooldown(Duration.ofMillis(100))
                .rateLimits(switchActionsPerMinute, 2 * switchActionsPerMinute, Duration.ofMinutes(1)).build();
        AlertSink alerts = a -> timeline.line("poe", a.severity() + " " + a.code() + ": " + a.message());
        return new GuardedSwitch(driver, safety, SafetyLedger.inMemory(), clock, Pause.REAL, status.poe(map.switchName(),
                e -> timeline.line("poe", e.action() + " " + e.subject() + ": " + e.outcome() + " (" + e.reason() + ")")),
                status.alerts(alerts));
    }

    private Map<HostId, HealthProbe> probes() {
        Duration t = policy.probeTimeout();
        HttpClient http = HttpHealthProbe.newClient(t);
        return Map.of(
                PRIMARY, new SupervisorPingProbe(PRIMARY + " supervisor ping", primary.base().resolve("/supervisor/ping"), t, http, clock),
                STANDBY, new HomeAssistantApiProbe(STANDBY + " core /api/", standby.base().resolve("/api/"), Optional.empty(), t, http, clock));
    }

    private MqttLeadershipBus bus(String clientId, Optional<HostId> agent) {
        MqttBusConfig.Builder b = MqttBusConfig.custom().broker("127.0.0.1", brokerPort).clientId(clientId)
                .services(SERVICE).heartbeatTimeout(policy.heartbeatTimeout()).reconnectBackoff(Duration.ofMillis(50), Duration.ofSeconds(1));
        agent.ifPresent(b::agentHost);
        return MqttLeadershipBus.connect(b.build(), clock, alert -> { });
    }

    /** An operator command, as {@code piha promote --target HOST} publishes it. */
    void operator(Command command) {
        timeline.line("operator", "sends " + command.describe());
        operatorBus.publish(new LeadershipMessage.CommandIssued(SERVICE, command));
    }

    /** Subscribes another listener to everything the service's topics carry. */
    void observe(io.piha.api.leadership.LeadershipListener listener) {
        observer.subscribe(SERVICE, listener);
    }

    /** A person switches a port on through the safety layer (after repairing the host). */
    RecoveryOutcome powerOn(HostId host, String why) {
        return rack.powerOn(RecoveryRequest.of(host.value(), "operator", why));
    }

    private <T extends AutoCloseable> T keep(T c) {
        closeables.add(c);
        return c;
    }

    @Override
    public void close() {
        // The control plane goes first: agents disconnecting must not look like a failure to it.
        controlPlane.close();
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception ignored) {
                // closing the drill's parts: nothing left to save
            }
        }
    }

    private AuditLog auditLog() {
        return keep(new io.piha.http.audit.JsonLinesAuditLog(work.resolve("audit.jsonl"), 1 << 20, 3, false));
    }

    /** The drill's status page, on 127.0.0.1 at a free port. */
    URI statusUrl() {
        return statusServer.url();
    }

    /** Where the drill's audit trail and control-plane memory are written. */
    Path work() {
        return work;
    }
}
