package io.piha.poe.safety;

import io.piha.testkit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.alert.Alert;
import io.piha.api.audit.AuditEntry;
import io.piha.api.health.HealthProbe;
import io.piha.api.health.ProbeResult;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.api.Secret;
import io.piha.poe.Pause;
import io.piha.poe.safety.RecoveryOutcome.Done;
import io.piha.poe.safety.RecoveryOutcome.Failed;
import io.piha.poe.safety.RecoveryOutcome.Planned;
import io.piha.poe.safety.RecoveryOutcome.Refused;
import io.piha.poe.safety.RecoveryOutcome.Rule;
import io.piha.poe.safety.RecoveryOutcome.Stage;
import io.piha.testkit.poe.SimulatedPoeSwitch;
import io.piha.poe.snmp.SnmpCredentials;
import io.piha.poe.snmp.SnmpPoeDriver;
import io.piha.poe.snmp.SnmpSwitchConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safety layer over the real SNMP driver and the in-process switch; time is a hand-moved clock. */
class GuardedSwitchTest {

    private static final PortMap PORTS = new PortMap("rack-switch", Map.of(
            "haos-primary", PortAddress.of(1, 1),
            "haos-standby", PortAddress.of(1, 2),
            "zigbee-bridge", PortAddress.of(1, 3),
            "nas", PortAddress.of(1, 7),
            "to-router", new PortAddress(1, 8, "uplink-sfp1")), Set.of("nas"));
    private static final PortAddress PRIMARY = PortAddress.of(1, 1);

    private static SimulatedPoeSwitch sw;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T04:00:00Z"));
    private final Pause pause = clock::advance;
    private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    private final List<Alert> alerts = new CopyOnWriteArrayList<>();
    private final AtomicBoolean hostUp = new AtomicBoolean(true);
    private PoeDriver driver;

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
        return new GuardedSwitch(driver, config, ledger, clock, pause, audit::add, alerts::add);
    }

    private GuardedSwitch guard() {
        return guard(SafetyConfig.ofDefaults(), SafetyLedger.inMemory());
    }

    private RecoveryRequest cycle(String label) {
        return RecoveryRequest.of(label, "arbiter", label + " missed 12 heartbeats").withHost(new HealthProbe() {
            @Override
            public String describe() {
                return label + " supervisor ping";
            }

            @Override
            public ProbeResult probe() {
                return hostUp.get() ? new ProbeResult.Up(clock.instant(), Duration.ofMillis(3), "HTTP 200")
                        : new ProbeResult.Down(clock.instant(), Duration.ofMillis(3), "HTTP 502");
            }
        });
    }

    @Test
    void aCycleSwitchesOffThenOnAndVerifiesAdminStateDetectionAndHost() {
        RecoveryOutcome outcome = guard().powerCycle(cycle("haos-primary"));

        assertThat(outcome).isInstanceOfSatisfying(Done.class, done -> {
            assertThat(done.verified()).containsExactly(Stage.ADMIN_STATE, Stage.DETECTION, Stage.HOST);
            assertThat(done.took()).isEqualTo(SafetyConfig.DEFAULT_OFF_TIME);
        });
        assertThat(sw.powerHistory(PRIMARY)).containsExactly(false, true);
        assertThat(audit).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::subject, AuditEntry::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("power_cycle", "arbiter", "rack-switch/haos-primary",
                                AuditEntry.Outcome.ACCEPTED),
                        org.assertj.core.groups.Tuple.tuple("power_cycle", "arbiter", "rack-switch/haos-primary",
                                AuditEntry.Outcome.ACCEPTED));
        assertThat(audit.get(0).reason()).isEqualTo("haos-primary missed 12 heartbeats");
    }

    @Test
    void protectedPortsAreRefusedByConfigurationAndByTheWordUplink() {
        GuardedSwitch guard = guard();
        assertThat(guard.powerCycle(cycle("nas"))).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.rule()).isEqualTo(Rule.PROTECTED_PORT));
        assertThat(guard.powerOff(cycle("to-router"))).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.rule()).isEqualTo(Rule.PROTECTED_PORT));
        assertThat(sw.powerHistory(PortAddress.of(1, 7))).isEmpty();
        assertThat(sw.powerHistory(PortAddress.of(1, 8))).isEmpty();
        assertThat(audit).extracting(AuditEntry::outcome).containsOnly(AuditEntry.Outcome.REFUSED).hasSize(2);
        assertThat(alerts).extracting(Alert::code).containsExactly("poe_action_refused", "poe_action_refused");
        assertThat(alerts.get(0).message()).contains("rack-switch").contains("nas");
    }

    @Test
    void aDeliberatePowerOffIsAlertedAndPowerOnRestoresItDespiteTheCooldown() {
        GuardedSwitch guard = guard();
        PortAddress standby = PortAddress.of(1, 2);
        assertThat(guard.powerOff(cycle("haos-standby"))).isInstanceOf(Done.class);
        assertThat(sw.isPowered(standby)).isFalse();
        assertThat(alerts).extracting(Alert::code).containsExactly("poe_port_switched_off");

        assertThat(guard.powerOn(cycle("haos-standby"))).isInstanceOfSatisfying(Done.class, done ->
                assertThat(done.verified()).containsExactly(Stage.ADMIN_STATE, Stage.DETECTION, Stage.HOST));
        assertThat(sw.powerHistory(standby)).containsExactly(false, true);
        assertThat(guard.powerOn(cycle("nas"))).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.rule()).isEqualTo(Rule.PROTECTED_PORT));
    }

    @Test
    void fencingRightAfterARecoveryCycleIsNotHeldByTheCooldownAndIsConfirmedByReadBack() {
        GuardedSwitch guard = guard();
        assertThat(guard.powerCycle(cycle("haos-primary"))).isInstanceOf(Done.class);
        assertThat(guard.powerCycle(cycle("haos-primary"))).isInstanceOf(Refused.class);

        assertThat(guard.fence(cycle("haos-primary"))).isInstanceOfSatisfying(Done.class,
                done -> assertThat(done.verified()).containsExactly(Stage.ADMIN_STATE));

        assertThat(sw.isAdminEnabled(PRIMARY)).isFalse();
        assertThat(sw.powerHistory(PRIMARY)).containsExactly(false, true, false);
        assertThat(guard.fence(cycle("nas"))).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.rule()).isEqualTo(Rule.PROTECTED_PORT));
        assertThat(audit).extracting(AuditEntry::action).contains("fence");
    }

    @Test
    void anUnmappedLabelIsRefusedAsUnknownAndNothingIsSent() {
        assertThat(guard().powerCycle(cycle("haos-tertiary"))).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.rule()).isEqualTo(Rule.UNKNOWN_PORT));
        assertThat(sw.powerHistory(PRIMARY)).isEmpty();
    }

    @Test
    void aSecondCycleWithinTheCooldownIsRefusedAndAllowedAfterIt() {
        GuardedSwitch guard = guard();
        assertThat(guard.powerCycle(cycle("haos-primary"))).isInstanceOf(Done.class);
        clock.advance(Duration.ofMinutes(9));
        assertThat(guard.powerCycle(cycle("haos-primary"))).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.rule()).isEqualTo(Rule.PORT_COOLDOWN));
        clock.advance(Duration.ofMinutes(1));
        assertThat(guard.powerCycle(cycle("haos-primary"))).isInstanceOf(Done.class);
        assertThat(sw.powerHistory(PRIMARY)).containsExactly(false, true, false, true);
    }

    @Test
    void perSwitchAndGlobalRateLimitsCountEveryPortAndEverySwitch() {
        SafetyConfig config = SafetyConfig.custom().portCooldown(Duration.ofSeconds(1))
                .rateLimits(2, 3, Duration.ofHours(1)).build();
        SafetyLedger ledger = SafetyLedger.inMemory();
        GuardedSwitch rack = guard(config, ledger);
        assertThat(rack.powerCycle(cycle("haos-primary"))).isInstanceOf(Done.class);
        assertThat(rack.powerCycle(cycle("haos-standby"))).isInstanceOf(Done.class);
        assertThat(rack.powerCycle(cycle("zigbee-bridge"))).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.rule()).isEqualTo(Rule.SWITCH_RATE));

        PortMap garage = new PortMap("garage-switch", Map.of("camera", PortAddress.of(1, 4),
                "doorbell", PortAddress.of(1, 5)), Set.of());
        try (PoeDriver garageDriver = SnmpPoeDriver.open(SnmpSwitchConfig.of(sw.address(),
                SnmpCredentials.community(Secret.of("private")), garage).withPause(pause))) {
            GuardedSwitch other = new GuardedSwitch(garageDriver, config, ledger, clock, pause, audit::add, alerts::add);
            assertThat(other.powerCycle(cycle("camera"))).isInstanceOf(Done.class);
            assertThat(other.powerCycle(cycle("doorbell"))).isInstanceOfSatisfying(Refused.class,
                    r -> assertThat(r.rule()).isEqualTo(Rule.GLOBAL_RATE));
        }
        clock.advance(Duration.ofHours(1));
        assertThat(rack.powerCycle(cycle("zigbee-bridge"))).isInstanceOf(Done.class);
    }

    @Test
    void aPortThatDoesNotComeBackFailsAtDetectionAndTheBreakerOpensAfterThreeFailures() {
        sw.failToComeBack(PRIMARY, true);
        GuardedSwitch guard = guard(SafetyConfig.custom().portCooldown(Duration.ofMinutes(1)).build(),
                SafetyLedger.inMemory());
        for (int i = 0; i < 3; i++) {
            assertThat(guard.powerCycle(cycle("haos-primary"))).isInstanceOfSatisfying(Failed.class, f -> {
                assertThat(f.stage()).isEqualTo(Stage.DETECTION);
                assertThat(f.portLeftOff()).isFalse();
                assertThat(f.reason()).contains("rack-switch").contains("haos-primary").contains("SEARCHING");
            });
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(guard.powerCycle(cycle("haos-primary"))).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.rule()).isEqualTo(Rule.BREAKER_OPEN));
        assertThat(alerts).extracting(Alert::code).containsSubsequence("poe_recovery_failed", "poe_recovery_failed",
                "poe_recovery_failed", "poe_breaker_open", "poe_action_refused");
        assertThat(sw.isAdminEnabled(PRIMARY)).as("never a port left off").isTrue();
    }

    @Test
    void aHostThatNeverAnswersFailsAtTheHostStepAfterItsTimeout() {
        hostUp.set(false);
        Instant start = clock.instant();
        assertThat(guard().powerCycle(cycle("haos-primary"))).isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.stage()).isEqualTo(Stage.HOST));
        assertThat(Duration.between(start, clock.instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(sw.isPowered(PRIMARY)).isTrue();
    }

    @Test
    void cooldownsSurviveARestartOfTheControlPlane(@TempDir Path dir) {
        Path file = dir.resolve("poe-ledger");
        assertThat(guard(SafetyConfig.ofDefaults(), SafetyLedger.open(file)).powerCycle(cycle("haos-primary")))
                .isInstanceOf(Done.class);
        clock.advance(Duration.ofMinutes(1));

        GuardedSwitch afterRestart = guard(SafetyConfig.ofDefaults(), SafetyLedger.open(file));
        assertThat(afterRestart.powerCycle(cycle("haos-primary"))).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.rule()).isEqualTo(Rule.PORT_COOLDOWN));
        assertThat(sw.powerHistory(PRIMARY)).containsExactly(false, true);
    }

    @Test
    void aPortLeftOffByACrashIsJournalledAndSwitchedBackOnAtStartUp(@TempDir Path dir) {
        Path file = dir.resolve("poe-ledger");
        // the switch stops accepting writes while the port is off: power-on fails mid-cycle
        Pause lockDuringOffTime = d -> {
            clock.advance(d);
            sw.lock(PRIMARY, true);
        };
        GuardedSwitch crashing = new GuardedSwitch(driver, SafetyConfig.ofDefaults(), SafetyLedger.open(file), clock,
                lockDuringOffTime, audit::add, alerts::add);
        assertThat(crashing.powerCycle(cycle("haos-primary"))).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.stage()).isEqualTo(Stage.SWITCH_ON);
            assertThat(f.portLeftOff()).isTrue();
            assertThat(f.reason()).contains("notWritable");
        });
        assertThat(sw.isPowered(PRIMARY)).isFalse();
        assertThat(alerts).extracting(Alert::code).contains("poe_port_left_off");

        sw.lock(PRIMARY, false);
        SafetyLedger reopened = SafetyLedger.open(file);
        assertThat(reopened.leftOff("rack-switch")).containsKey("haos-primary");
        List<RecoveryOutcome> restored = guard(SafetyConfig.ofDefaults(), reopened).restoreLeftOffPorts("start-up");

        assertThat(restored).singleElement().isInstanceOf(Done.class);
        assertThat(sw.isPowered(PRIMARY)).isTrue();
        assertThat(SafetyLedger.open(file).leftOff("rack-switch")).isEmpty();
        assertThat(alerts).extracting(Alert::code).contains("poe_port_restored");
    }

    @Test
    void aDryRunPrintsTheExactRequestsAuditsThemAndSendsNothing() {
        GuardedSwitch dry = guard(SafetyConfig.custom().dryRun(true).build(), SafetyLedger.inMemory());
        assertThat(dry.powerCycle(cycle("haos-primary"))).isInstanceOfSatisfying(Planned.class, p ->
                assertThat(p.requests()).extracting(Object::toString).first().asString()
                        .isEqualTo("snmp SET " + io.piha.poe.SwitchAddress.parse(sw.address(), 161)
                                + " 1.3.6.1.2.1.105.1.1.1.3.1.1 = INTEGER 2 (false)"));
        assertThat(sw.powerHistory(PRIMARY)).isEmpty();
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.details().get("dry_run")).contains("1.3.6.1.2.1.105.1.1.1.3.1.1");
            assertThat(e.outcome()).as("a dry run is planned, not refused").isEqualTo(AuditEntry.Outcome.PLANNED);
        });
    }

    @Test
    void aCorruptLedgerIsRefusedNamingTheFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("poe-ledger");
        java.nio.file.Files.writeString(file, "# header\naction notanumber rack-switch haos-primary\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SafetyLedger.open(file))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("line 2");
    }
}
