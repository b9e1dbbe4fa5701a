package io.piha.service.e2e;

import io.piha.api.audit.AuditEntry;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.ParticipantKind;
import io.piha.api.leadership.ServiceName;
import io.piha.api.leadership.LeaderState;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.arbiter.Phase;
import io.piha.http.audit.AuditJsonLine;
import io.piha.mqtt.LeadershipCodec;
import io.piha.mqtt.WireMessage;
import io.piha.poe.safety.RecoveryOutcome;
import io.piha.poe.safety.RecoveryRequest;
import io.piha.runtime.ControlPlane;
import io.piha.service.AgentService;
import io.piha.service.ControlPlaneService;
import io.piha.service.Switches;
import io.piha.service.config.ConfigLoader;
import io.piha.service.config.ControlPlaneConfig;
import io.piha.testkit.homeassistant.SimulatedHomeAssistant;
import io.piha.api.recovery.PortAddress;
import io.piha.testkit.poe.PortPowerListener;
import io.piha.testkit.poe.SimulatedPoeSwitch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One home for one test: a primary and a standby Home Assistant of the given kinds (their automations publishing
 * exactly as v1 or the package does, or an agent beside them), both powered by ports of the real SNMP switch, and
 * the real control plane built from YAML. Every home has its own service name, so the retained messages of one test
 * never reach another on the shared broker.
 */
final class Home implements AutoCloseable {

    static final HostId PRIMARY = HostId.of("haos-primary");
    static final HostId STANDBY = HostId.of("haos-standby");
    static final PortAddress PRIMARY_PORT = PortAddress.of(1, 1);
    static final PortAddress STANDBY_PORT = PortAddress.of(1, 2);
    private static final Clock CLOCK = Clock.systemUTC();

    /** The timings of a home: the contract's divided to keep the suite short. */
    record Timings(Duration interval, Duration timeout) {
        static final Timings FAST = new Timings(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    final ServiceName service;
    final SimulatedHomeAssistant primary;
    final SimulatedHomeAssistant standby;
    private final ParticipantKind primaryKind;
    private final ParticipantKind standbyKind;
    private final boolean configured;
    private final Timings timings;
    private final int brokerPort;
    private final SimulatedPoeSwitch poe;
    private final Wire wire;
    private final Path dir;
    private final PortPowerListener power;
    private final List<AutoCloseable> services = new ArrayList<>();
    private ControlPlaneService controlPlane;
    private ControlPlaneConfig config;
    private AgentService agent;

    Home(String service, ParticipantKind primaryKind, ParticipantKind standbyKind, boolean configured, Timings timings,
         int brokerPort, SimulatedPoeSwitch poe, Wire wire, Path dir) {
        this.service = ServiceName.of(service);
        this.primaryKind = primaryKind;
        this.standbyKind = standbyKind;
        this.configured = configured;
        this.timings = timings;
        this.brokerPort = brokerPort;
        this.poe = poe;
        this.wire = wire;
        this.dir = dir;
        this.primary = host(PRIMARY, primaryKind);
        this.standby = host(STANDBY, standbyKind);
        this.power = (port, on) -> {
            if (port.equals(PRIMARY_PORT)) {
                primary.powerChanged(on);
            } else if (port.equals(STANDBY_PORT)) {
                standby.powerChanged(on);
            }
        };
        poe.addListener(power);
    }

    private SimulatedHomeAssistant host(HostId id, ParticipantKind kind) {
        return SimulatedHomeAssistant.builder(id, service).participant(kind).broker(brokerPort)
                .heartbeatInterval(timings.interval()).clock(CLOCK).log(s -> System.out.println("[" + service + "] " + s))
                .start();
    }

    /** Starts the control plane from its YAML, and the agent of an agent host. */
    Home start() {
        config = new ConfigLoader(Map.of()).parseControlPlane("control-plane.yaml", controlPlaneYaml());
        controlPlane = keep(new ControlPlaneService(config, CLOCK).start(dir.resolve("state")));
        if (primaryKind == ParticipantKind.AGENT || standbyKind == ParticipantKind.AGENT) {
            SimulatedHomeAssistant beside = primaryKind == ParticipantKind.AGENT ? primary : standby;
            agent = keep(new AgentService(new ConfigLoader(Map.of("HA_TOKEN", "t0k3n")).parseAgent("agent.yaml",
                    agentYaml(beside)), CLOCK).start());
        }
        return this;
    }

    private String controlPlaneYaml() {
        return """
                site: e2e
                actor: nas
                broker:
                  url: mqtt://127.0.0.1:%d
                  client_id: piha-nas-%s
                services:
                  - name: %s
                    primary: haos-primary
                    standby: haos-standby
                    fencing: power_off
                hosts:
                  - id: haos-primary
                    probes:
                      - {type: supervisor, url: %s/supervisor/ping, timeout: 500ms}
                    poe: {switch: rack, port: haos-primary}
                %s
                  - id: haos-standby
                    probes:
                      - {type: home_assistant, url: %s/api/, timeout: 500ms}
                    poe: {switch: rack, port: haos-standby}
                %s
                switches:
                  - name: rack
                    type: snmp
                    address: 127.0.0.1:%d
                    credentials: {community: private}
                    ports: {haos-primary: "1.1", haos-standby: "1.2", nas: "1.4"}
                    protected: [nas]
                    limits: {off_time: 300ms, cooldown: 1s, per_switch: 50, global: 100}
                timings:
                  heartbeat_interval: %s
                  heartbeat_timeout: %s
                  max_clock_skew: 1s
                  recovery_wait: 2s
                  probe_timeout: 1s
                  promotion_timeout: 5s
                  retry_interval: 2s
                  min_time_between_failovers: 1s
                  probe_interval: 1h
                  demote_timeout: 3s
                  lease_duration: 10s
                status: {enabled: false}
                audit: {file: %s, fsync: false, syslog: false}
                """.formatted(brokerPort, service, service, primary.base(), participant(primaryKind), standby.base(),
                participant(standbyKind), poe.udpPort(), ms(timings.interval()), ms(timings.timeout()), audit());
    }

    private String participant(ParticipantKind kind) {
        return configured ? "    participant: " + kind.wire() : "";
    }

    private String agentYaml(SimulatedHomeAssistant beside) {
        return """
                host: %s
                broker:
                  url: mqtt://127.0.0.1:%d
                  client_id: piha-agent-%s
                services:
                  - name: %s
                timings: {heartbeat_interval: %s, heartbeat_timeout: %s, max_clock_skew: 1s}
                actuator:
                  type: home_assistant_automations
                  url: %s
                  token: ${HA_TOKEN}
                  entities: all
                  timeout: 2s
                audit: {file: %s, fsync: false, syslog: false}
                """.formatted(beside.id(), brokerPort, service, service, ms(timings.interval()), ms(timings.timeout()),
                beside.base(), dir.resolve("agent-audit.jsonl"));
    }

    private static String ms(Duration d) {
        return d.toMillis() + "ms";
    }

    private Path audit() {
        return dir.resolve("control-plane-audit.jsonl");
    }

    private <T extends AutoCloseable> T keep(T c) {
        services.add(c);
        return c;
    }

    ControlPlane plane() {
        return controlPlane.plane(service).orElseThrow();
    }

    ArbiterState state() {
        return plane().state();
    }

    /** Whether the arbiter watches {@code host} as the confirmed leader. */
    boolean arbiterWatches(HostId host) {
        ArbiterState s = state();
        return s.phase() instanceof Phase.Watching && s.leader().filter(host::equals).isPresent();
    }

    AgentService agent() {
        return agent;
    }

    /** Every decision the arbiter of this service audited, oldest first (the audit file: nothing is dropped). */
    List<AuditEntry> decisions() {
        try {
            return Files.exists(audit()) ? Files.readAllLines(audit(), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).map(AuditJsonLine::parse)
                    .filter(e -> e.subject().equals(service.value())).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The actions of the arbiter's accepted decisions (not the switch's own audit), oldest first. */
    List<String> acceptedActions() {
        return decisions().stream().filter(e -> e.outcome() == AuditEntry.Outcome.ACCEPTED).map(AuditEntry::action).toList();
    }

    /** Publishes an operator's envelope command, as {@code piha promote|demote|freeze|thaw} does. */
    String operator(CommandVerb verb, Optional<HostId> target) {
        String id = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = CLOCK.instant();
        Command.Builder b = Command.envelope(verb, id).actor("operator:test").reason("e2e")
                .validBetween(now, now.plus(Duration.ofMinutes(1)));
        target.ifPresent(b::target);
        WireMessage w = LeadershipCodec.v1().encode(new LeadershipMessage.CommandIssued(service, b.build()));
        wire.publish(w.topic(), new String(w.payload(), StandardCharsets.UTF_8), false);
        return id;
    }

    /** Publishes a plain verb on {@code cmd}, as {@code mosquitto_pub -t .../cmd -m promote} does. */
    void plain(String verb) {
        wire.publish(topic("cmd"), verb, false);
    }

    String topic(String leaf) {
        return "piha/leader/" + service + "/" + leaf;
    }

    /** The retained state as the broker holds it now, read by a fresh subscriber; empty if none. */
    Optional<LeaderState> retainedState() {
        return new Retained(brokerPort).read(topic("state")).flatMap(LeaderState::fromWire);
    }

    /** Switches a port on through the safety layer and the control plane's ledger, as {@code piha poe on} does. */
    RecoveryOutcome powerOn(HostId host) {
        return Switches.open(config.switches().get(0), dir.resolve("state"), CLOCK, new io.piha.http.audit.Slf4jAuditLog(),
                a -> { }).powerOn(RecoveryRequest.of(host.value(), "operator", "repaired"));
    }

    @Override
    public void close() {
        poe.removeListener(power);
        // The control plane goes first: an agent stopping must not look like a failure to it.
        for (int i = 0; i < services.size(); i++) {
            try {
                services.get(i).close();
            } catch (Exception e) {
                System.out.println("closing " + services.get(i) + ": " + e);
            }
        }
        primary.close();
        standby.close();
    }
}
