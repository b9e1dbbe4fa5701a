package io.piha.poe.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.Secret;
import io.piha.api.alert.Alert;
import io.piha.api.audit.AuditEntry;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.poe.Pause;
import io.piha.poe.safety.RecoveryOutcome.Failed;
import io.piha.poe.safety.RecoveryOutcome.PortAfter;
import io.piha.poe.safety.RecoveryOutcome.Stage;
import io.piha.poe.snmp.SnmpCredentials;
import io.piha.poe.snmp.SnmpPoeDriver;
import io.piha.poe.snmp.SnmpSwitchConfig;
import io.piha.testkit.ManualClock;
import io.piha.testkit.poe.SimulatedPoeSwitch;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's "Why": every failure where the first SET failed was reported as {@code SWITCH_ON, portLeftOff}
 * and journalled as left off although the port never went off. Now the stage is where it failed and the
 * port's state is what was observed, in the outcome, the alerts and the ledger.
 */
class HonestOutcomesTest {

    private static final PortMap PORTS = new PortMap("rack-switch", Map.of(
            "haos-primary", PortAddress.of(1, 1), "ghost", PortAddress.of(1, 42)), Set.of());
    private static final PortAddress PRIMARY = PortAddress.of(1, 1);

    private static SimulatedPoeSwitch sw;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T04:00:00Z"));
    private final Pause pause = clock::advance;
    private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    private final List<Alert> alerts = new CopyOnWriteArrayList<>();

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
    void reset() {
        sw.reset();
    }

    @Test
    @DisplayName("a read-only community: the first SET is refused, the port was never switched, nothing is journalled off")
    void aReadOnlyCommunityFailsAtSwitchOffAndLeavesThePortUntouched() {
        SafetyLedger ledger = SafetyLedger.open(dir.resolve("ledger"));
        Failed f = failedCycle(driver("public", Duration.ofMillis(300)), ledger);
        assertThat(f.stage()).isEqualTo(Stage.SWITCH_OFF);
        assertThat(f.port()).isEqualTo(PortAfter.UNTOUCHED);
        assertThat(f.portLeftOff()).isFalse();
        assertThat(f.reason()).contains("AccessDenied");
        assertNothingJournalled(ledger);
        assertThat(alerts).extracting(Alert::code).contains("poe_recovery_failed").doesNotContain("poe_port_left_off");
        assertThat(alerts).extracting(Alert::message).noneMatch(m -> m.contains("LEFT OFF"));
        assertThat(sw.powerHistory(PRIMARY)).isEmpty();
    }

    @Test
    @DisplayName("no such port on the switch: failed at SWITCH_OFF, never switched")
    void aPortUnknownToTheSwitchFailsAtSwitchOffUntouched() {
        SafetyLedger ledger = SafetyLedger.open(dir.resolve("ledger"));
        Failed f = failedCycle(driver("private", Duration.ofMillis(300)), ledger, "ghost");
        assertThat(f.stage()).isEqualTo(Stage.SWITCH_OFF);
        assertThat(f.port()).isEqualTo(PortAfter.UNTOUCHED);
        assertThat(f.reason()).contains("UnknownPort").contains("1.42");
        assertThat(ledger.leftOff("rack-switch")).isEmpty();
        assertThat(ledger.maybeOff("rack-switch")).isEmpty();
    }

    @Test
    @DisplayName("a wrong community gets no answer at all: the port's state is unknown, not 'left off'")
    void aWrongCommunityFailsAtSwitchOffWithAnUnknownPortState() {
        SafetyLedger ledger = SafetyLedger.open(dir.resolve("ledger"));
        Failed f = failedCycle(driver("guess-me", Duration.ofMillis(100)), ledger);
        assertThat(f.stage()).isEqualTo(Stage.SWITCH_OFF);
        assertThat(f.port()).isEqualTo(PortAfter.UNKNOWN);
        assertThat(f.portLeftOff()).isFalse();
        assertThat(ledger.leftOff("rack-switch")).as("not observed off").isEmpty();
        assertThat(ledger.maybeOff("rack-switch")).as("but journalled for the start-up restore")
                .containsKey("haos-primary");
        assertThat(alerts).extracting(Alert::code).contains("poe_port_state_unknown").doesNotContain("poe_port_left_off");
        assertThat(sw.powerHistory(PRIMARY)).isEmpty();
    }

    @Test
    @DisplayName("an unreachable switch: failed at SWITCH_OFF, state unknown, and start-up restores what may be off")
    void anUnreachableSwitchFailsAtSwitchOffAndStartUpRestoresThePortThatMayBeOff() throws Exception {
        SafetyLedger ledger = SafetyLedger.open(dir.resolve("ledger"));
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            PoeDriver mute = SnmpPoeDriver.open(SnmpSwitchConfig.of("127.0.0.1:" + silent.getLocalPort(),
                    SnmpCredentials.community(Secret.of("private")), PORTS).withTimeout(Duration.ofMillis(100), 0));
            Failed f = failedCycle(mute, ledger);
            assertThat(f.stage()).isEqualTo(Stage.SWITCH_OFF);
            assertThat(f.port()).isEqualTo(PortAfter.UNKNOWN);
            assertThat(f.reason()).contains("SwitchUnreachable").contains("no answer");
        }
        SafetyLedger reopened = SafetyLedger.open(dir.resolve("ledger"));
        assertThat(reopened.maybeOff("rack-switch")).containsKey("haos-primary");
        try (PoeDriver good = driver("private", Duration.ofMillis(300))) {
            List<RecoveryOutcome> restored = guard(good, reopened).restoreLeftOffPorts("start-up");
            assertThat(restored).singleElement().isInstanceOf(RecoveryOutcome.Done.class);
        }
        assertNothingJournalled(SafetyLedger.open(dir.resolve("ledger")));
    }

    @Test
    @DisplayName("a locked port refuses the SET: the power-on after it succeeds, so the port is on")
    void aRefusedSetOnALockedPortIsReportedAtSwitchOffWithThePortOn() {
        sw.lock(PRIMARY, true);
        SafetyLedger ledger = SafetyLedger.open(dir.resolve("ledger"));
        Failed f = failedCycle(driver("private", Duration.ofMillis(300)), ledger);
        assertThat(f.stage()).isEqualTo(Stage.SWITCH_OFF);
        assertThat(f.reason()).contains("notWritable");
        assertThat(f.port()).as("read back on").isEqualTo(PortAfter.ON);
        assertNothingJournalled(ledger);
        assertThat(sw.isPowered(PRIMARY)).isTrue();
    }

    @Test
    @DisplayName("left off only when a successful power-off says so: the power-on fails after it")
    void aPortIsLeftOffOnlyAfterASuccessfulPowerOff() {
        SafetyLedger ledger = SafetyLedger.open(dir.resolve("ledger"));
        Pause lockWhileOff = d -> {
            clock.advance(d);
            sw.lock(PRIMARY, true);
        };
        try (PoeDriver driver = driver("private", Duration.ofMillis(300))) {
            GuardedSwitch guard = new GuardedSwitch(driver, SafetyConfig.ofDefaults(), ledger, clock, lockWhileOff,
                    audit::add, alerts::add);
            RecoveryOutcome outcome = guard.powerCycle(RecoveryRequest.of("haos-primary", "arbiter", "missed heartbeats"));
            assertThat(outcome).isInstanceOfSatisfying(Failed.class, f -> {
                assertThat(f.stage()).isEqualTo(Stage.SWITCH_ON);
                assertThat(f.port()).isEqualTo(PortAfter.LEFT_OFF);
            });
        }
        assertThat(ledger.leftOff("rack-switch")).containsKey("haos-primary");
        assertThat(ledger.maybeOff("rack-switch")).isEmpty();
        assertThat(alerts).extracting(Alert::code).contains("poe_port_left_off");
        sw.lock(PRIMARY, false);
    }

    @Test
    @DisplayName("issue 13: a port fenced after a cycle whose ON step failed is never switched back on at the next start")
    void aPortFencedAfterAFailedCycleIsNotRestoredAtTheNextStart() {
        Path file = dir.resolve("ledger");
        Pause lockWhileOff = d -> {
            clock.advance(d);
            sw.lock(PRIMARY, true);
        };
        try (PoeDriver driver = driver("private", Duration.ofMillis(300))) {
            GuardedSwitch guard = new GuardedSwitch(driver, SafetyConfig.ofDefaults(), SafetyLedger.open(file), clock,
                    lockWhileOff, audit::add, alerts::add);
            assertThat(guard.powerCycle(RecoveryRequest.of("haos-primary", "arbiter", "missed heartbeats")))
                    .isInstanceOf(Failed.class);
            sw.lock(PRIMARY, false);
            assertThat(guard.fence(RecoveryRequest.of("haos-primary", "arbiter", "fence before promoting the standby")))
                    .isInstanceOf(RecoveryOutcome.Done.class);
        }
        SafetyLedger afterRestart = SafetyLedger.open(file);
        assertThat(afterRestart.leftOff("rack-switch")).isEmpty();
        assertThat(afterRestart.heldOff("rack-switch")).containsKey("haos-primary");

        try (PoeDriver driver = driver("private", Duration.ofMillis(300))) {
            assertThat(guard(driver, afterRestart).restoreLeftOffPorts("start-up")).isEmpty();
        }
        assertThat(sw.isPowered(PRIMARY)).as("the fenced primary stays off").isFalse();
    }

    @Test
    @DisplayName("the control plane and piha reset-host sharing the ledger file never lose each other's entries")
    void twoLedgersOnOneFileKeepEveryEntry() throws Exception {
        Path file = dir.resolve("shared-ledger");
        SafetyLedger controlPlane = SafetyLedger.open(file);
        SafetyLedger resetHost = SafetyLedger.open(file);
        Instant t = clock.instant();
        Thread a = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                controlPlane.recordAction("rack-switch", "haos-primary", t.plusMillis(i));
            }
        });
        Thread b = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                resetHost.recordAction("rack-switch", "ha-standby", t.plusMillis(i));
            }
        });
        a.start();
        b.start();
        a.join();
        b.join();

        SafetyLedger reread = SafetyLedger.open(file);
        assertThat(reread.actions("rack-switch", "haos-primary")).hasSize(100);
        assertThat(reread.actions("rack-switch", "ha-standby")).hasSize(100);
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    @DisplayName("a dry run is audited as planned at INFO, not refused")
    void aDryRunIsAuditedAsPlanned() {
        try (PoeDriver driver = driver("private", Duration.ofMillis(300))) {
            GuardedSwitch dry = new GuardedSwitch(driver, SafetyConfig.custom().dryRun(true).build(),
                    SafetyLedger.inMemory(), clock, pause, audit::add, alerts::add);
            assertThat(dry.fence(RecoveryRequest.of("haos-primary", "operator", "drill")))
                    .isInstanceOf(RecoveryOutcome.Planned.class);
        }
        assertThat(audit).singleElement().extracting(AuditEntry::outcome).isEqualTo(AuditEntry.Outcome.PLANNED);
        assertThat(alerts).isEmpty();
    }

    private Failed failedCycle(PoeDriver driver, SafetyLedger ledger) {
        return failedCycle(driver, ledger, "haos-primary");
    }

    private Failed failedCycle(PoeDriver driver, SafetyLedger ledger, String label) {
        try (driver) {
            RecoveryOutcome outcome = guard(driver, ledger).powerCycle(RecoveryRequest.of(label, "arbiter", "drill"));
            assertThat(outcome).isInstanceOf(Failed.class);
            return (Failed) outcome;
        }
    }

    private GuardedSwitch guard(PoeDriver driver, SafetyLedger ledger) {
        return new GuardedSwitch(driver, SafetyConfig.ofDefaults(), ledger, clock, pause, audit::add, alerts::add);
    }

    private PoeDriver driver(String community, Duration timeout) {
        return SnmpPoeDriver.open(SnmpSwitchConfig.of(sw.address(), SnmpCredentials.community(Secret.of(community)),
                PORTS).withTimeout(timeout, 0).withPause(pause));
    }

    private static void assertNothingJournalled(SafetyLedger ledger) {
        assertThat(ledger.leftOff("rack-switch")).isEmpty();
        assertThat(ledger.maybeOff("rack-switch")).isEmpty();
    }
}
