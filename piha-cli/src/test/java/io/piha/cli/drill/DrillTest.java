package io.piha.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.piha.testkit.mqtt.Mosquitto;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The failover drill end to end: the four seed flows with a real broker, a real SNMP switch, real HTTP
 * endpoints, the real control plane and the real standby agent. Once on the embedded HiveMQ CE, once on
 * Debian's Mosquitto (CI installs it and sets PIHA_REQUIRE_MOSQUITTO, so there it never skips).
 */
class DrillTest {

    private final StringWriter out = new StringWriter();

    private void assertAllFlowsBehaved(int exit) {
        String timeline = out.toString();
        assertThat(exit).as(timeline).isZero();
        assertThat(timeline).doesNotContain("[FAIL]")
                .contains("power_cycle rack-switch/haos-primary", "lease: haos-standby at epoch 2", "state = maintenance",
                        "CRITICAL promotion_blocked", "haos-standby automations on (REST actuator)")
                .contains("All four flows behaved")
                .contains("[ok]   the standby's acknowledgement came before the grant to the primary",
                        "[ok]   no CRITICAL alert in a planned hand-back")
                .contains("the operator powers the primary's port back on through the safety layer (done in ")
                .contains("[ok]   the status page shows the missed heartbeat and the PoE reset as warnings",
                        "[ok]   the status page keeps the old primary's last heartbeat")
                .doesNotContain("Done[", "[switchName=", "PT0.", "Optional[");
    }

    @Test
    @DisplayName("the drill's four flows behave on the embedded HiveMQ CE broker, its status page looked at after each")
    void onEmbeddedHiveMq() {
        DrillStatusPages pages = new DrillStatusPages(Path.of("target", "drill-status"));

        assertAllFlowsBehaved(Drill.run(new PrintWriter(out, true), Optional.empty(), pages::look));

        pages.assertTheFailoverReadsRight();
    }

    @Test
    @DisplayName("the drill's four flows behave on Mosquitto")
    void onMosquitto() {
        Optional<java.nio.file.Path> binary = Mosquitto.binary();
        if (Mosquitto.required()) {
            assertThat(binary).as("mosquitto is required (" + Mosquitto.REQUIRE_ENV + ") but not installed").isPresent();
        }
        assumeTrue(binary.isPresent(), "mosquitto is not installed (apt-get install mosquitto)");
        try (Mosquitto broker = Mosquitto.start(binary.get())) {
            assertAllFlowsBehaved(Drill.run(new PrintWriter(out, true), broker.port()));
        }
    }
}
