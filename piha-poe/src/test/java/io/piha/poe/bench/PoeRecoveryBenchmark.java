package io.piha.poe.bench;

import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.api.recovery.PortStatus;
import io.piha.api.Secret;
import io.piha.poe.Pause;
import io.piha.poe.rest.FakeRouterOs;
import io.piha.poe.rest.HttpDeviceConfig;
import io.piha.poe.rest.RouterOsPoeDriver;
import io.piha.poe.safety.GuardedSwitch;
import io.piha.poe.safety.RecoveryOutcome;
import io.piha.poe.safety.RecoveryRequest;
import io.piha.poe.safety.SafetyConfig;
import io.piha.poe.safety.SafetyLedger;
import io.piha.testkit.poe.SimulatedPoeSwitch;
import io.piha.poe.snmp.SnmpCredentials;
import io.piha.poe.snmp.SnmpPoeDriver;
import io.piha.poe.snmp.SnmpSwitchConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One cycle request to confirmed read-back, through the bare driver (the baseline) and through the safety
 * layer with an in-memory and a file ledger, against the in-process SNMP switch and the RouterOS fake.
 * Off time is zero (the pause returns at once) so the figures are the software's, not the wait's.
 *
 * <p>Run: {@code ./mvnw -B -pl piha-poe -am -Pbenchmark -DskipTests clean package}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PoeRecoveryBenchmark {

    private static final PortMap SNMP_PORTS = new PortMap("bench-snmp", Map.of("host", PortAddress.of(1, 1)), Set.of());
    private static final PortMap REST_PORTS = new PortMap("bench-rest", Map.of("host", PortAddress.named("ether2")),
            Set.of());

    private SimulatedPoeSwitch sw;
    private FakeRouterOs routerOs;
    private PoeDriver snmp;
    private PoeDriver rest;
    private SteppingClock clock;
    private GuardedSwitch guardedSnmpMemory;
    private GuardedSwitch guardedSnmpFile;
    private GuardedSwitch guardedRest;
    private Path ledgerDir;

    @Setup(Level.Trial)
    public void start() throws IOException {
        sw = SimulatedPoeSwitch.builder().ports(1, 2).start();
        routerOs = new FakeRouterOs("admin", "bench-password", Set.of("ether2"));
        routerOs.cycleOffTime(Duration.ZERO);
        Pause none = d -> { };
        snmp = SnmpPoeDriver.open(SnmpSwitchConfig.of(sw.address(), SnmpCredentials.community(Secret.of("private")),
                SNMP_PORTS).withPause(none));
        rest = new RouterOsPoeDriver(new HttpDeviceConfig(routerOs.baseUri(), "admin", Secret.of("bench-password"),
                REST_PORTS, Duration.ofSeconds(2), true));
        clock = new SteppingClock();
        SafetyConfig config = SafetyConfig.custom().offTime(Duration.ofMillis(1)).build();
        ledgerDir = Files.createTempDirectory("poe-bench");
        guardedSnmpMemory = new GuardedSwitch(snmp, config, SafetyLedger.inMemory(), clock, none, e -> { }, a -> { });
        guardedSnmpFile = new GuardedSwitch(snmp, config, SafetyLedger.open(ledgerDir.resolve("ledger")), clock, none,
                e -> { }, a -> { });
        guardedRest = new GuardedSwitch(rest, config, SafetyLedger.inMemory(), clock, none, e -> { }, a -> { });
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        snmp.close();
        rest.close();
        sw.close();
        routerOs.close();
        try (var files = Files.list(ledgerDir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(ledgerDir);
    }

    /** Baseline: the bare SNMP driver cycles (two SETs) and reads back once (one GET). */
    @Benchmark
    public PortStatus snmpDriverAlone() {
        snmp.powerCycle("host", Duration.ZERO);
        return snmp.status("host");
    }

    /** The SNMP cycle through the safety layer: guards, journal, read-back, audit; ledger in memory. */
    @Benchmark
    public RecoveryOutcome snmpGuardedMemoryLedger() {
        return guarded(guardedSnmpMemory);
    }

    /** As above with the ledger in a file, rewritten and forced to disk on every change. */
    @Benchmark
    public RecoveryOutcome snmpGuardedFileLedger() {
        return guarded(guardedSnmpFile);
    }

    /** Baseline: the bare RouterOS driver's power-cycle and one monitor read-back over HTTP. */
    @Benchmark
    public PortStatus routerOsDriverAlone() {
        rest.powerCycle("host", Duration.ZERO);
        return rest.status("host");
    }

    /** The RouterOS cycle through the safety layer, polling read-back until the port is back. */
    @Benchmark
    public RecoveryOutcome routerOsGuardedMemoryLedger() {
        return guarded(guardedRest);
    }

    private RecoveryOutcome guarded(GuardedSwitch guard) {
        clock.step(Duration.ofHours(2));
        RecoveryOutcome outcome = guard.powerCycle(RecoveryRequest.of("host", "bench", "benchmark"));
        if (!(outcome instanceof RecoveryOutcome.Done)) {
            throw new IllegalStateException("the benchmark measures successful recoveries, got " + outcome);
        }
        return outcome;
    }

    /** A clock the benchmark moves past every cooldown between invocations. */
    static final class SteppingClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void step(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
