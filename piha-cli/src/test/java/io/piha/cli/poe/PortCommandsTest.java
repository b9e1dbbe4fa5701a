package io.piha.cli.poe;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.recovery.PortAddress;
import io.piha.cli.Piha;
import io.piha.testkit.poe.SimulatedPoeSwitch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code piha poe status|on|off|cycle} and {@code reset-host} against the in-process SNMP switch. */
class PortCommandsTest {

    private static SimulatedPoeSwitch sw;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sw = SimulatedPoeSwitch.builder().ports(1, 4).start();
    }

    @AfterAll
    static void stop() {
        sw.close();
    }

    @BeforeEach
    void reset() {
        sw.reset();
    }

    private int run(String... args) {
        CommandLine cli = Piha.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String[] flags(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--type", "snmp", "--address", "127.0.0.1:" + sw.udpPort(), "--community", "private",
                "--port", "haos=1.1", "--port", "nas=1.4", "--protected", "nas", "--state-dir", dir.toString()));
        return args.toArray(String[]::new);
    }

    @Test
    void statusPrintsPortAdminDetectionClassAndWatts() {
        assertThat(run(flags("poe", "status", "rack"))).isZero();
        assertThat(out.toString().lines()).first().asString().contains("PORT").contains("DETECTION").contains("CLASS");
        assertThat(out.toString()).containsPattern("haos +1\\.1 +on +delivering power +4 +26\\.0 \\(whole PSE\\)");
    }

    @Test
    void offAndOnSwitchThroughTheSafetyLayer() {
        assertThat(run(flags("poe", "off", "rack:haos"))).isZero();
        assertThat(sw.isAdminEnabled(PortAddress.of(1, 1))).isFalse();
        assertThat(out.toString()).contains("rack:haos: switched off and left off, confirmed by admin state");
        assertThat(run(flags("poe", "on", "rack:haos"))).isZero();
        assertThat(sw.isPowered(PortAddress.of(1, 1))).isTrue();
    }

    @Test
    void aProtectedPortIsRefusedWithExitCodeFour() {
        assertThat(run(flags("poe", "cycle", "rack:nas"))).isEqualTo(4);
        assertThat(err.toString()).contains("refused (protected_port)");
        assertThat(sw.powerHistory(PortAddress.of(1, 4))).isEmpty();
    }

    @Test
    void aDryRunPrintsTheRequestsAndSendsNothing() {
        assertThat(run(flags("poe", "cycle", "rack:haos", "--dry-run"))).isZero();
        assertThat(out.toString()).contains("dry run, nothing sent").contains("1.3.6.1.2.1.105.1.1.1.3.1.1");
        assertThat(sw.powerHistory(PortAddress.of(1, 1))).isEmpty();
    }

    @Test
    void aSwitchFromTheControlPlaneFileIsUsedByName() throws Exception {
        Path file = dir.resolve("cp.yaml");
        Files.writeString(file, """
                broker: {url: "mqtt://127.0.0.1:1883"}
                services: [{primary: haos-primary, standby: haos-standby, fencing: confirmed_dead}]
                hosts:
                  - {id: haos-primary, probes: [{type: tcp, address: "10.0.0.5:22"}]}
                  - {id: haos-standby, probes: [{type: tcp, address: "10.0.0.6:22"}]}
                switches:
                  - {name: rack, type: snmp, address: "127.0.0.1:%d", credentials: {community: private},
                     ports: {haos-primary: "1.2"}, limits: {off_time: 100ms}}
                """.formatted(sw.udpPort()));
        assertThat(run("poe", "cycle", "rack:haos-primary", "--config", file.toString(), "--state-dir", dir.toString()))
                .isZero();
        assertThat(sw.powerHistory(PortAddress.of(1, 2))).containsExactly(false, true);
    }

    @Test
    void aBadAddressFromFlagsIsOneLineWithExitCodeTwo() {
        assertThat(run("poe", "status", "rack", "--type", "snmp", "--address", "host:abc", "--community", "private",
                "--port", "haos=1.1")).isEqualTo(2);
        assertThat(err.toString().strip()).contains("address").contains("host:abc").doesNotContain("\n")
                .doesNotContain("Exception");
    }

    @Test
    void resetHostNeedsNoControlPlaneFileWhenTheSwitchComesFromFlags() {
        assertThat(run(flags("reset-host", "haos", "--switch", "rack"))).isZero();
        assertThat(sw.powerHistory(PortAddress.of(1, 1))).containsExactly(false, true);
    }
}
