package io.piha.examples.embed;

import io.piha.api.audit.AuditLog;
import io.piha.api.health.HealthProbe;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import io.piha.api.recovery.HostPower;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.Topology;
import io.piha.http.probe.HttpHealthProbe;
import io.piha.http.probe.SupervisorPingProbe;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.MqttLeadershipBus;
import io.piha.runtime.ArbiterMemory;
import io.piha.runtime.ControlPlane;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The control plane embedded in a plain Java program: an MQTT bus, a health probe per host, the hosts' power, and
 * the arbiter's memory in a file. Run it with {@code broker-host broker-port primary-ping-url standby-ping-url}.
 */
public final class EmbeddedControlPlane {

    private EmbeddedControlPlane() {
    }

    /** Starts the control plane for Home Assistant on {@code primary} and {@code standby}; close both to stop. */
    public static ControlPlane start(MqttLeadershipBus bus, URI primaryPing, URI standbyPing, HostPower power,
                                     Path stateDir, Clock clock) {
        HostId primary = HostId.of("haos-primary");
        HostId standby = HostId.of("haos-standby");
        var http = HttpHealthProbe.newClient(Duration.ofSeconds(5));
        Map<HostId, HealthProbe> probes = Map.of(
                primary, new SupervisorPingProbe("primary supervisor", primaryPing, Duration.ofSeconds(5), http, clock),
                standby, new SupervisorPingProbe("standby supervisor", standbyPing, Duration.ofSeconds(5), http, clock));
        ArbiterPolicy policy = ArbiterPolicy.ofDefaults(ServiceName.HOME_ASSISTANT, new Topology(primary, standby));
        AuditLog audit = entry -> System.out.println("audit: " + entry.action() + ": " + entry.reason());
        return new ControlPlane(policy, new ControlPlane.Wiring(bus, probes, power,
                alert -> System.out.println("ALERT " + alert.severity() + " " + alert.message()), audit,
                ArbiterMemory.inFile(stateDir.resolve("arbiter.properties")), clock)).start();
    }

    /** Runs until interrupted. */
    public static void main(String[] args) throws InterruptedException {
        MqttBusConfig config = MqttBusConfig.custom().broker(args[0], Integer.parseInt(args[1]))
                .clientId("embedded-control-plane").services(ServiceName.HOME_ASSISTANT).build();
        try (MqttLeadershipBus bus = MqttLeadershipBus.connect(config);
             ControlPlane cp = start(bus, URI.create(args[2]), URI.create(args[3]), HostPower.NONE, Path.of("state"),
                     Clock.systemUTC())) {
            System.out.println("control plane running: " + cp.state().phase().label() + "; Ctrl-C stops it");
            Thread.currentThread().join();
        }
    }
}
