package io.piha.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ParticipantKind;
import io.piha.api.leadership.ServiceName;
import io.piha.api.recovery.PortAddress;
import io.piha.cli.ExitCode;
import io.piha.cli.PihaRun;
import io.piha.service.ControlPlaneService;
import io.piha.service.config.ConfigLoader;
import io.piha.testkit.homeassistant.SimulatedHomeAssistant;
import io.piha.testkit.mqtt.Mosquitto;
import io.piha.testkit.poe.SimulatedPoeSwitch;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator commands in a home that runs the v1 automations, end to end: Debian's Mosquitto, the real control
 * plane from YAML, an SNMP switch powering two Home Assistant hosts that speak only plain v1. The control plane turns
 * the CLI's envelopes into the plain verbs v1 hosts understand.
 */
class V1HomeFromTheCommandLineTest {

    private static final HostId PRIMARY = HostId.of("haos-primary");
    private static final HostId STANDBY = HostId.of("haos-standby");
    private static Mosquitto broker;
    private static SimulatedPoeSwitch poe;
    private static SimulatedHomeAssistant primary;
    private static SimulatedHomeAssistant standby;
    private static ControlPlaneService controlPlane;

    @BeforeAll
    static void aV1HomeWithItsControlPlane(@TempDir Path dir) {
        var binary = Mosquitto.binaryUnlessRequired();
        assumeTrue(binary.isPresent(), Mosquitto.SKIPPED);
        broker = Mosquitto.start(binary.get());
        poe = SimulatedPoeSwitch.builder().ports(1, 4).start();
        primary = host(PRIMARY);
        standby = host(STANDBY);
        poe.addListener((port, on) -> (port.equals(PortAddress.of(1, 1)) ? primary : standby).powerChanged(on));
        primary.leadAsV1();
        controlPlane = new ControlPlaneService(new ConfigLoader(Map.of()).parseControlPlane("control-plane.yaml",
                yaml(dir)), Clock.systemUTC()).start(dir.resolve("state"));
    }

    private static SimulatedHomeAssistant host(HostId id) {
        return SimulatedHomeAssistant.builder(id, ServiceName.HOME_ASSISTANT).participant(ParticipantKind.V1)
                .broker(broker.port()).heartbeatInterval(Duration.ofMillis(500)).start();
    }

    private static String yaml(Path dir) {
        return """
                broker: {url: "mqtt://127.0.0.1:%d", client_id: piha-nas-cli-test}
                services:
                  - {name: home-assistant, primary: haos-primary, standby: haos-standby}
                hosts:
                  - id: haos-primary
                    probes: [{type: supervisor, url: "%s/supervisor/ping", timeout: 500ms}]
                    poe: {switch: rack, port: haos-primary}
                  - id: haos-standby
                    probes: [{type: home_assistant, url: "%s/api/", timeout: 500ms}]
                    poe: {switch: rack, port: haos-standby}
                switches:
                  - name: rack
                    type: snmp
                    address: "127.0.0.1:%d"
                    credentials: {community: private}
                    ports: {haos-primary: "1.1", haos-standby: "1.2"}
                    limits: {off_time: 300ms, cooldown: 1s}
                timings: {heartbeat_interval: 500ms, heartbeat_timeout: 2s, probe_timeout: 1s, probe_interval: 1h}
                status: {enabled: false}
                audit: {file: "%s", fsync: false, syslog: false}
                """.formatted(broker.port(), primary.base(), standby.base(), poe.udpPort(), dir.resolve("audit.jsonl"));
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            controlPlane.close();
            primary.close();
            standby.close();
            poe.close();
            broker.close();
        }
    }

    private static String brokerAddress() {
        return "127.0.0.1:" + broker.port();
    }

    @Test
    void freezeThawAndAPromoteReachTheV1HostsAsPlainVerbs() {
        await(() -> controlPlane.plane(ServiceName.HOME_ASSISTANT).orElseThrow().state().leader().isPresent());

        PihaRun freeze = PihaRun.of("freeze", "--broker", brokerAddress(), "--reason", "holiday");
        PihaRun thaw = PihaRun.of("thaw", "--broker", brokerAddress());

        assertThat(freeze.code()).as(freeze.err()).isEqualTo(ExitCode.OK.code());
        assertThat(freeze.out()).contains("answered: frozen by nas");
        assertThat(thaw.code()).as(thaw.err()).isEqualTo(ExitCode.OK.code());
        assertThat(await(() -> primary.commandsHeard().containsAll(java.util.List.of("freeze", "thaw"))
                && standby.commandsHeard().containsAll(java.util.List.of("freeze", "thaw"))))
                .as("heard %s and %s", primary.commandsHeard(), standby.commandsHeard()).isTrue();

        PihaRun promote = PihaRun.of("promote", "--broker", brokerAddress(), "--target", "haos-standby",
                "--reason", "drill");

        assertThat(promote.code()).as(promote.err()).isEqualTo(ExitCode.OK.code());
        assertThat(promote.out().lines().findFirst()).contains("haos-primary leads as a v1 host (its heartbeat carries"
                + " no epoch) and cannot step down: the control plane switches its port off first");
        assertThat(await(standby::isLeading)).as("the v1 standby leads").isTrue();
        assertThat(primary.isPowered()).as("the v1 primary was switched off first").isFalse();
        assertThat(standby.commandsHeard()).contains("promote");
    }

    private static boolean await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
