package io.piha.service;

import io.piha.api.recovery.GuardedPort;
import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.alert.Severity;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.ServiceName;
import io.piha.http.status.Counter;
import io.piha.http.status.HostStatus;
import io.piha.http.status.RecentEvent;
import io.piha.http.status.StatusSnapshot;
import io.piha.http.status.SwitchStatus;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.MqttLeadershipBus;
import io.piha.service.config.ConfigLoader;
import io.piha.testkit.homeassistant.SimulatedHomeAssistant;
import io.piha.testkit.mqtt.EmbeddedHiveMq;
import io.piha.testkit.poe.SimulatedPoeSwitch;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the status page of a control plane built from YAML shows after a real failover (broker, SNMP switch, Home
 * Assistant endpoints): the failover's steps at their alerts' severity, heartbeats counted and not listed, the old
 * primary's last heartbeat kept, its port held off, the counters, and a freeze with its reason.
 */
class StatusOfAFailoverTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final HostId PRIMARY = HostId.of("haos-primary");
    private static EmbeddedHiveMq broker;
    private static SimulatedPoeSwitch poe;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBrokerAndSwitch() {
        broker = EmbeddedHiveMq.startInMemory();
        poe = SimulatedPoeSwitch.builder().ports(1, 4).start();
    }

    @AfterAll
    static void stop() {
        poe.close();
        broker.close();
    }

    private String yaml(SimulatedHomeAssistant primary, SimulatedHomeAssistant standby) {
        return """
                site: status-home
                actor: nas
                broker: {url: "mqtt://127.0.0.1:%d", client_id: piha-nas-status}
                services:
                  - {name: home-assistant, primary: haos-primary, standby: ha-standby, fencing: power_off}
                hosts:
                  - id: haos-primary
                    probes: [{type: supervisor, url: "%s/supervisor/ping", timeout: 500ms}]
                    poe: {switch: rack, port: haos-primary}
                  - id: ha-standby
                    probes: [{type: home_assistant, url: "%s/api/", timeout: 500ms}]
                    poe: {switch: rack, port: ha-standby}
                switches:
                  - name: rack
                    type: snmp
                    address: %s
                    credentials: {community: private}
                    ports: {haos-primary: "1.1", ha-standby: "1.2", nas: "1.4"}
                    protected: [nas]
                timings: {heartbeat_interval: 300ms, heartbeat_timeout: 900ms, recovery_wait: 600ms, probe_timeout: 500ms,
                          retry_interval: 600ms}
                status: {enabled: false}
                audit: {file: %s, fsync: false, syslog: false}
                """.formatted(broker.port(), primary.base(), standby.base(),
                poe.address().replace("udp:", "").replace("/", ":"), dir.resolve("audit.jsonl"));
    }

    @Test
    void afterAFailoverThePageShowsItsStepsAtTheirSeverityAndNoHeartbeatFlood() throws Exception {
        try (SimulatedHomeAssistant primary = host("haos-primary", true);
             SimulatedHomeAssistant standby = host("ha-standby", true)) {
            poe.addListener((port, on) -> (port.port() == 1 ? primary : standby).powerChanged(on));
            var config = new ConfigLoader(Map.of()).parseControlPlane("cp.yaml", yaml(primary, standby));
            try (ControlPlaneService cp = new ControlPlaneService(config, CLOCK).start(dir.resolve("state"));
                 MqttLeadershipBus operator = MqttLeadershipBus.connect(MqttBusConfig.custom().broker("127.0.0.1",
                         broker.port()).clientId("operator").services(ServiceName.HOME_ASSISTANT).build())) {
                var plane = cp.plane(ServiceName.HOME_ASSISTANT).orElseThrow();
                primary.leadAsV1();
                assertThat(waitFor(() -> plane.state().leader().filter(PRIMARY::equals).isPresent())).isTrue();
                Thread.sleep(1500);
                primary.diesForGood();
                primary.hang();
                assertThat(waitFor(() -> plane.state().leader().filter(HostId.of("ha-standby")::equals).isPresent()
                        && counter(cp.snapshot(), "piha_failovers_total", Map.of("service", "home-assistant")) == 1))
                        .as("failed over: %s", plane.recentDecisions()).isTrue();
                operator.publish(new LeadershipMessage.CommandIssued(ServiceName.HOME_ASSISTANT, Command.envelope(
                        CommandVerb.FREEZE, "op-1").actor("operator").reason("risky week").build()));
                operator.publish(new LeadershipMessage.CommandIssued(ServiceName.HOME_ASSISTANT, Command.envelope(
                        CommandVerb.FREEZE, "op-2").actor("operator").reason("again").build()));
                assertThat(waitFor(() -> counter(cp.snapshot(), "piha_commands_refused_total",
                        Map.of("service", "home-assistant", "verb", "freeze")) == 1)).isTrue();

                StatusSnapshot s = cp.snapshot();
                assertThat(s.recentEvents()).as("no heartbeat listed one by one")
                        .noneMatch(e -> e.text().contains("observe_heartbeat"));
                assertThat(s.routine()).anyMatch(r -> r.kind().equals("heartbeat") && r.host().equals(Optional.of("haos-primary"))
                        && r.count() >= 3);
                assertThat(s.recentEvents()).filteredOn(e -> e.codes().contains("heartbeat_missed"))
                        .extracting(RecentEvent::severity).containsOnly(Severity.WARNING).isNotEmpty();
                assertThat(s.recentEvents()).filteredOn(e -> e.codes().contains("poe_reset"))
                        .extracting(RecentEvent::severity).containsOnly(Severity.WARNING).isNotEmpty();
                HostStatus old = s.hosts().stream().filter(h -> h.host().equals(PRIMARY)).findFirst().orElseThrow();
                assertThat(old.lastHeartbeat()).as("the old primary's last heartbeat is kept").isPresent();
                assertThat(old.liveness()).isEqualTo(HostStatus.Liveness.SILENT);
                assertThat(old.kind()).as("participant kind, as detected").isPresent();
                assertThat(old.role()).isEqualTo("primary");
                SwitchStatus rack = s.switches().get(0);
                assertThat(rack.ports()).filteredOn(p -> p.label().equals("haos-primary"))
                        .extracting(GuardedPort::off).containsExactly(Optional.of(GuardedPort.Off.HELD_OFF));
                assertThat(rack.lastActions()).isNotEmpty();
                assertThat(counter(s, "piha_grants_total", Map.of("service", "home-assistant", "trigger", "failover")))
                        .isEqualTo(1);
                assertThat(counter(s, "piha_poe_actions_total", Map.of("switch", "rack", "action", "fence",
                        "outcome", "done"))).as("%s", s.counters()).isPositive();
                assertThat(s.services().get(0).freezeReason()).hasValue("frozen by operator: risky week");
            }
        }
    }

    @Test
    void aRestartedControlPlaneShowsTheEventsBeforeItFromTheAuditTrail() throws Exception {
        try (SimulatedHomeAssistant primary = host("haos-primary", true);
             SimulatedHomeAssistant standby = host("ha-standby", true)) {
            var config = new ConfigLoader(Map.of()).parseControlPlane("cp.yaml", yaml(primary, standby));
            java.nio.file.Files.writeString(dir.resolve("audit.jsonl"), io.piha.http.audit.AuditJsonLine.format(
                    new io.piha.api.audit.AuditEntry(CLOCK.instant().minusSeconds(60), "nas", "freeze", "home-assistant",
                            io.piha.api.audit.AuditEntry.Outcome.ACCEPTED, "frozen by operator: before the restart",
                            Map.of())) + "\n");
            try (ControlPlaneService cp = new ControlPlaneService(config, CLOCK).start(dir.resolve("state"))) {
                assertThat(cp.snapshot().recentEvents()).extracting(RecentEvent::text)
                        .contains("nas freeze accepted: frozen by operator: before the restart");
            }
        }
    }

    private static long counter(StatusSnapshot s, String family, Map<String, String> labels) {
        return s.counters().stream().filter(c -> c.family().equals(family) && c.labels().equals(labels))
                .mapToLong(Counter::value).sum();
    }

    private SimulatedHomeAssistant host(String id, boolean participant) {
        return new SimulatedHomeAssistant(HostId.of(id), ServiceName.HOME_ASSISTANT, "t0k3n", participant, broker.port(),
                Duration.ofMillis(300), CLOCK, s -> { });
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
