package io.piha.poe.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortStatus.Detection;
import io.piha.api.recovery.PowerAction;
import io.piha.api.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SnmpPoeDriverTest {

    private static SimulatedSwitchBench bench;

    @BeforeAll
    static void startSwitch() {
        bench = new SimulatedSwitchBench(sw -> SimulatedSwitchBench.v2c(), Optional.empty());
    }

    @AfterAll
    static void stopSwitch() {
        bench.close();
    }

    @BeforeEach
    void reset() {
        bench.reset();
    }

    @Test
    void readOnlyCommunityCannotSwitchAndIsAccessDenied() {
        try (PoeDriver reader = SnmpPoeDriver.open(bench.config(SnmpCredentials.community(Secret.of("public"))))) {
            assertThat(reader.status("haos-primary").isPowering()).isTrue();
            assertThatThrownBy(() -> reader.powerOff("haos-primary"))
                    .isInstanceOf(PoeException.AccessDenied.class)
                    .hasMessageContaining("rack-switch").hasMessageContaining("haos-primary");
        }
        assertThat(bench.isPowered("haos-primary")).isTrue();
    }

    @Test
    void lockedPortIsRefusedAsNotWritableNamingThePort() {
        bench.sw.lock(PortAddress.of(1, 2), true);
        try (PoeDriver driver = bench.driver()) {
            assertThatThrownBy(() -> driver.powerOff("haos-standby"))
                    .isInstanceOf(PoeException.UnexpectedAnswer.class)
                    .hasMessageContaining("notWritable").hasMessageContaining("haos-standby").hasMessageContaining("1.2");
        }
        assertThat(bench.isPowered("haos-standby")).isTrue();
    }

    @Test
    void wrongCommunityGetsNoAnswerAndTheErrorSaysSoWithoutTheCommunity() {
        try (PoeDriver driver = SnmpPoeDriver.open(bench.config(SnmpCredentials.community(Secret.of("guess-me")))
                .withTimeout(Duration.ofMillis(150), 0))) {
            assertThatThrownBy(() -> driver.powerOff("haos-primary"))
                    .isInstanceOf(PoeException.SwitchUnreachable.class)
                    .hasMessageContaining("wrong community").hasMessageNotContaining("guess-me");
        }
        assertThat(bench.sw.powerHistory(PortAddress.of(1, 1))).isEmpty();
    }

    @Test
    void wrongV3UserOrKeyGetsNoUsableAnswerAndTheErrorPointsAtThem() {
        SnmpCredentials intruder = SimulatedSwitchBench.v3("intruder", SimulatedSwitchBench.AUTH_KEY);
        try (PoeDriver driver = SnmpPoeDriver.open(bench.config(intruder).withTimeout(Duration.ofMillis(150), 0))) {
            assertThatThrownBy(() -> driver.powerOff("haos-primary"))
                    .isInstanceOf(PoeException.SwitchUnreachable.class).hasMessageContaining("user, keys or protocols");
        }
        SnmpCredentials wrongKey = SimulatedSwitchBench.v3(SimulatedSwitchBench.USER, "wrong-auth-passphrase");
        try (PoeDriver driver = SnmpPoeDriver.open(bench.config(wrongKey).withTimeout(Duration.ofMillis(150), 0))) {
            assertThatThrownBy(() -> driver.status("haos-primary"))
                    .isInstanceOf(PoeException.SwitchUnreachable.class)
                    .hasMessageContaining("user, keys or protocols").hasMessageNotContaining("wrong-auth-passphrase");
        }
    }

    @Test
    void readBackReportsDetectionAndTheConsumptionOfThePse() {
        bench.sw.attachDevice(PortAddress.of(1, 3), false);
        try (PoeDriver driver = bench.driver()) {
            assertThat(driver.status("haos-primary").pseWatts().getAsDouble()).isEqualTo(46.0);
            driver.powerOff("haos-primary");
            assertThat(driver.status("haos-primary").detection()).isEqualTo(Detection.DISABLED);
            assertThat(driver.status("haos-primary").pseWatts().getAsDouble()).isEqualTo(39.0);
        }
    }

    @Test
    void aDeviceThatDoesNotComeBackReadsSearching() {
        bench.sw.failToComeBack(PortAddress.of(1, 1), true);
        try (PoeDriver driver = bench.driver()) {
            driver.powerCycle("haos-primary", Duration.ofSeconds(5));
            assertThat(driver.status("haos-primary").adminEnabled()).isTrue();
            assertThat(driver.status("haos-primary").detection()).isEqualTo(Detection.SEARCHING);
        }
        assertThat(bench.sw.powerHistory(PortAddress.of(1, 1))).containsExactly(false);
    }

    @Test
    void listenersHearRealPowerChangesOnly() {
        List<String> heard = new CopyOnWriteArrayList<>();
        bench.sw.addListener((port, powered) -> heard.add(port + "=" + powered));
        try (PoeDriver driver = bench.driver()) {
            driver.powerOn("haos-standby");
            driver.powerCycle("haos-standby", Duration.ofSeconds(5));
        }
        assertThat(heard).containsExactly("1.2=false", "1.2=true");
    }

    @Test
    void theDryRunNamesTheExactOidAndValue() {
        String at = "127.0.0.1:" + bench.sw.udpPort();
        try (PoeDriver driver = bench.driver()) {
            assertThat(driver.plan(PowerAction.CYCLE, "haos-standby", Duration.ofSeconds(5)))
                    .extracting(Object::toString)
                    .containsExactly("snmp SET " + at + " 1.3.6.1.2.1.105.1.1.1.3.1.2 = INTEGER 2 (false)",
                            "local WAIT PT5S",
                            "snmp SET " + at + " 1.3.6.1.2.1.105.1.1.1.3.1.2 = INTEGER 1 (true)");
        }
    }
}
