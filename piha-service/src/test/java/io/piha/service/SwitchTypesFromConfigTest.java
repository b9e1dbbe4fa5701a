package io.piha.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.poe.safety.SafetyLedger;
import io.piha.service.config.ConfigLoader;
import io.piha.service.config.ControlPlaneConfig;
import io.piha.testkit.http.LocalHttpServer;
import io.piha.testkit.mqtt.EmbeddedHiveMq;
import io.piha.testkit.poe.SimulatedPoeSwitch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 21: switch types {@code simulated} and {@code unifi} were documented and validated, then failed at start.
 * A control plane is started from YAML with each switch type. To show the driver was really built and spoken
 * through, the switch's ledger says a port may be off, so the start-up restore switches it on: the simulated
 * switch and the SNMP agent power it, an HTTP device receives the driver's first request.
 */
class SwitchTypesFromConfigTest {

    private static EmbeddedHiveMq broker;
    private static SimulatedPoeSwitch snmp;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        broker = EmbeddedHiveMq.start();
        snmp = SimulatedPoeSwitch.builder().ports(1, 4).start();
    }

    @AfterAll
    static void stop() {
        snmp.close();
        broker.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"snmp", "simulated", "unifi", "omada", "netgear", "routeros", "shelly", "tasmota"})
    void aControlPlaneStartsFromYamlWithTheSwitchTypeAndUsesItsDriver(String type) throws Exception {
        try (LocalHttpServer device = new LocalHttpServer()) {
            Path state = dir.resolve("state");
            Files.createDirectories(state);
            journalMaybeOff(state);
            ControlPlaneConfig config = new ConfigLoader(Map.of()).parseControlPlane(type + ".yaml",
                    yaml(type, switchOf(type, device)));
            try (ControlPlaneService cp = new ControlPlaneService(config, Clock.systemUTC()).start(state)) {
                assertThat(cp.statusUrl()).as("status page off").isEmpty();
                String audit = Files.readString(dir.resolve("audit.jsonl"), StandardCharsets.UTF_8);
                assertThat(audit).as("the start-up restore went through the %s driver", type)
                        .contains("power_on").contains("rack/haos-primary");
                switch (type) {
                    case "snmp", "simulated" -> assertThat(audit).doesNotContainIgnoringCase("\"failed\"");
                    default -> assertThat(device.received()).as("requests the %s driver sent", type).isNotEmpty();
                }
            }
        }
    }

    private static void journalMaybeOff(Path state) throws Exception {
        Files.writeString(state.resolve("poe-ledger-rack"), "# piha-poe safety ledger\nmaybe-off "
                + Instant.now().toEpochMilli() + " rack haos-primary\n", StandardCharsets.UTF_8);
        assertThat(SafetyLedger.open(state.resolve("poe-ledger-rack")).maybeOff("rack")).containsKey("haos-primary");
    }

    private static String switchOf(String type, LocalHttpServer device) {
        String http = "address: \"" + device.url("").toString().replaceAll("/$", "") + "\"\n    allow_plain_http: true\n";
        return switch (type) {
            case "snmp" -> "address: 127.0.0.1:" + snmp.udpPort() + "\n    credentials: {community: private}\n"
                    + "    ports: {haos-primary: \"1.1\"}\n";
            case "simulated" -> "ports: {haos-primary: \"1\"}\n";
            case "unifi" -> http + "    credentials: {username: admin, password: pw}\n    mac: 74:ac:b9:14:2c:8e\n"
                    + "    ports: {haos-primary: \"3\"}\n";
            case "omada" -> http + "    credentials: {client_id: c1, client_secret: s3cret}\n    mac: AA-BB-CC-DD-EE-02\n"
                    + "    ports: {haos-primary: \"3\"}\n";
            case "netgear", "routeros" -> http + "    credentials: {username: admin, password: pw}\n"
                    + "    ports: {haos-primary: \"" + (type.equals("netgear") ? "3" : "ether3") + "\"}\n";
            case "shelly" -> http + "    credentials: {password: pw}\n    ports: {haos-primary: \"switch:0\"}\n";
            default -> http + "    credentials: {password: pw}\n    ports: {haos-primary: \"1\"}\n";
        };
    }

    private String yaml(String type, String switchKeys) {
        return """
                broker: {url: "mqtt://127.0.0.1:%d", client_id: piha-switch-types}
                services: [{primary: haos-primary, standby: ha-standby, fencing: confirmed_dead}]
                hosts:
                  - {id: haos-primary, probes: [{type: tcp, address: "127.0.0.1:9"}]}
                  - {id: ha-standby, probes: [{type: tcp, address: "127.0.0.1:9"}]}
                switches:
                  - name: rack
                    type: %s
                    %s
                status: {enabled: false}
                audit: {file: %s, fsync: false, syslog: false}
                """.formatted(broker.port(), type,
                switchKeys, dir.resolve("audit.jsonl"));
    }
}
