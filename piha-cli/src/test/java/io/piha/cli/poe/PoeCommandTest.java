package io.piha.cli.poe;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.cli.Piha;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PoeCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Piha.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void planPrintsTheExactSnmpRequestsOfACycle() {
        assertThat(run("poe", "plan", "--snmp", "udp:192.168.1.2/161", "--port", "haos=1.3", "--off-time", "PT5S"))
                .isZero();
        assertThat(out.toString().lines()).containsExactly(
                "snmp SET 192.168.1.2:161 1.3.6.1.2.1.105.1.1.1.3.1.3 = INTEGER 2 (false)",
                "local WAIT PT5S",
                "snmp SET 192.168.1.2:161 1.3.6.1.2.1.105.1.1.1.3.1.3 = INTEGER 1 (true)");
    }

    @Test
    void planPrintsTheRouterOsRequestOfAPowerOff() {
        assertThat(run("poe", "plan", "--routeros", "https://192.168.88.1", "--port", "haos=ether3", "--action", "off"))
                .isZero();
        assertThat(out.toString().strip()).isEqualTo("http POST https://192.168.88.1/rest/interface/ethernet/poe/set "
                + "{\"numbers\":\"ether3\",\"poe-out\":\"off\"}");
    }

    @Test
    void aBadPortAddressIsNamedAndExitsWithTwo() {
        assertThat(run("poe", "plan", "--snmp", "udp:192.168.1.2/161", "--port", "haos=ether3")).isEqualTo(2);
        assertThat(err.toString()).contains("group.port").contains("ether3");
    }

    @Test
    void simulateStartsASwitchOnLoopbackAndStops() {
        assertThat(run("poe", "simulate", "--ports", "4", "--for", "100ms")).isZero();
        assertThat(out.toString()).containsPattern("listening on 127\\.0\\.0\\.1:\\d+ with ports 1\\.1-1\\.4");
    }

    @Test
    void simulateTakesTheOneDurationGrammarAndRefusesANegativePortCount() {
        assertThat(run("poe", "simulate", "--ports", "-3", "--for", "10m")).isEqualTo(2);
        assertThat(err.toString()).contains("--ports must be 1-64, was -3");
    }

    @Test
    void planReadsTheAddressAsTheYamlWritesIt() {
        assertThat(run("poe", "plan", "--snmp", "192.168.1.2", "--port", "haos=1.3", "--action", "off")).isZero();
        assertThat(out.toString().strip()).startsWith("snmp SET 192.168.1.2:161 ");
    }
}
