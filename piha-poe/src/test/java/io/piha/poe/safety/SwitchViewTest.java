package io.piha.poe.safety;

import io.piha.api.recovery.GuardedPort;
import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.Secret;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.poe.Pause;
import io.piha.poe.snmp.SnmpCredentials;
import io.piha.poe.snmp.SnmpPoeDriver;
import io.piha.poe.snmp.SnmpSwitchConfig;
import io.piha.testkit.ManualClock;
import io.piha.testkit.poe.SimulatedPoeSwitch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the status page reads of a guarded switch: over the real SNMP driver and the in-process switch. */
class SwitchViewTest {

    private static final PortMap PORTS = new PortMap("rack-switch", Map.of(
            "haos-primary", PortAddress.of(1, 1),
            "ha-standby", PortAddress.of(1, 2),
            "nas", PortAddress.of(1, 7)), Set.of("nas"));
    private static final PortAddress PRIMARY = PortAddress.of(1, 1);
    private static SimulatedPoeSwitch sw;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T04:00:00Z"));
    private final Pause pause = clock::advance;
    private PoeDriver driver;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSwitch() {
        sw = SimulatedPoeSwitch.builder().ports(1, 8).start();
    }

    @AfterAll
    static void stopSwitch() {
        sw.close();
    }

    @BeforeEach
    void openDriver() {
        sw.reset();
        driver = SnmpPoeDriver.open(SnmpSwitchConfig.of(sw.address(),
                SnmpCredentials.community(Secret.of("private")), PORTS).withPause(pause));
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private GuardedSwitch guard(SafetyConfig config, SafetyLedger ledger) {
        return new GuardedSwitch(driver, config, ledger, clock, pause, e -> { }, a -> { });
    }

    private GuardedPort port(SwitchView view, String label) {
        return view.ports().stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void aCycledPortShowsItsLastActionAndItsCooldownUntilTheCooldownEnds() {
        GuardedSwitch rack = guard(SafetyConfig.custom().portCooldown(Duration.ofMinutes(10)).build(),
                SafetyLedger.inMemory());
        Instant cycledAt = clock.instant();
        rack.powerCycle(RecoveryRequest.of("haos-primary", "arbiter", "missed heartbeats"));

        SwitchView view = rack.view();
        assertThat(view.switchName()).isEqualTo("rack-switch");
        assertThat(view.ports()).extracting(GuardedPort::label).containsExactly("ha-standby", "haos-primary", "nas");
        assertThat(port(view, "haos-primary").lastAction()).hasValue(cycledAt);
        assertThat(port(view, "haos-primary").cooldownUntil()).hasValue(cycledAt.plus(Duration.ofMinutes(10)));
        assertThat(port(view, "haos-primary").off()).isEmpty();
        assertThat(port(view, "ha-standby").lastAction()).isEmpty();
        assertThat(port(view, "nas").protectedPort()).isTrue();
        assertThat(view.actionsInWindow()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(11));
        assertThat(port(rack.view(), "haos-primary").cooldownUntil()).isEmpty();
        assertThat(port(rack.view(), "haos-primary").lastAction()).hasValue(cycledAt);
    }

    @Test
    void aFencedPortIsHeldOffInTheViewUntilAPersonPowersItOn() {
        GuardedSwitch rack = guard(SafetyConfig.ofDefaults(), SafetyLedger.open(dir.resolve("ledger")));
        Instant fencedAt = clock.instant();
        rack.fence(RecoveryRequest.of("haos-primary", "arbiter", "fence before promoting ha-standby"));

        GuardedPort fenced = port(rack.view(), "haos-primary");
        assertThat(fenced.off()).hasValue(GuardedPort.Off.HELD_OFF);
        assertThat(fenced.offSince()).hasValue(fencedAt);
        assertThat(sw.isAdminEnabled(PRIMARY)).isFalse();

        rack.powerOn(RecoveryRequest.of("haos-primary", "operator", "new SD card"));
        assertThat(port(rack.view(), "haos-primary").off()).isEmpty();
    }

    @Test
    void anOpenBreakerShowsUntilWhenWithTheFailuresThatOpenedIt() {
        sw.failToComeBack(PRIMARY, true);
        GuardedSwitch rack = guard(SafetyConfig.custom().portCooldown(Duration.ofMinutes(1)).build(),
                SafetyLedger.inMemory());
        for (int i = 0; i < 3; i++) {
            rack.powerCycle(RecoveryRequest.of("haos-primary", "arbiter", "missed heartbeats"));
            clock.advance(Duration.ofMinutes(2));
        }

        GuardedPort port = port(rack.view(), "haos-primary");
        assertThat(port.breakerOpenUntil()).isPresent();
        assertThat(port.breakerOpenUntil().get()).isAfter(clock.instant());
        assertThat(port.recentFailures()).isEqualTo(3);
    }
}
