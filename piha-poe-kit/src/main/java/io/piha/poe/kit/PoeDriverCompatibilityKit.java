package io.piha.poe.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.piha.api.recovery.PlannedRequest;
import io.piha.api.recovery.PoeCapability;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PortStatus;
import io.piha.api.recovery.PowerAction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The contract every {@link PoeDriver} must pass, modelled on Micrometer's
 * {@code MeterRegistryCompatibilityKit}: subclass it in your driver's tests and return a
 * {@link PoeTestBench}. Tests of a capability the driver does not declare are skipped with a reason.
 *
 * <pre>{@code
 * class MySwitchDriverTest extends PoeDriverCompatibilityKit {
 *     @Override
 *     protected PoeTestBench bench() { return new MySimulatedSwitchBench(); }
 * }
 * }</pre>
 *
 * <p>Every test gets a fresh driver (closed afterwards) on a bench that was {@link PoeTestBench#reset()}.
 *
 * @since 0.1
 */
public abstract class PoeDriverCompatibilityKit {

    private static final String UNMAPPED = "no-such-port-in-the-map";
    private static final Duration POLL = Duration.ofMillis(20);

    private PoeTestBench bench;
    private PoeDriver driver;

    /** The bench to test against. Called once per test; may return the same instance each time. */
    protected abstract PoeTestBench bench();

    @BeforeEach
    final void openBench() {
        bench = bench();
        bench.reset();
        driver = bench.driver();
    }

    @AfterEach
    final void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    @DisplayName("declares a way to cycle a port, and the port map names its switch")
    void declaresAWayToCycle() {
        assertTrue(has(PoeCapability.ON_OFF) || has(PoeCapability.NATIVE_CYCLE),
                () -> "a driver must declare ON_OFF or NATIVE_CYCLE, declared " + driver.capabilities());
        assertFalse(driver.portMap().switchName().isBlank());
        assertTrue(driver.portMap().address(bench.port()).isPresent(),
                () -> "the bench's port '" + bench.port() + "' must be in the driver's port map");
    }

    @Test
    @DisplayName("power off switches the port off on the switch")
    void powerOffSwitchesThePortOff() {
        requires(PoeCapability.ON_OFF);
        driver.powerOff(bench.port());
        assertFalse(bench.isPowered(bench.port()), "the switch still powers the port after powerOff");
    }

    @Test
    @DisplayName("power on switches an off port back on")
    void powerOnSwitchesThePortOn() {
        requires(PoeCapability.ON_OFF);
        driver.powerOff(bench.port());
        driver.powerOn(bench.port());
        assertTrue(bench.isPowered(bench.port()), "the switch does not power the port after powerOn");
    }

    @Test
    @DisplayName("power off and power on are idempotent")
    void offAndOnAreIdempotent() {
        requires(PoeCapability.ON_OFF);
        driver.powerOn(bench.port());
        assertTrue(bench.isPowered(bench.port()), "powerOn of a powered port must leave it powered");
        driver.powerOff(bench.port());
        driver.powerOff(bench.port());
        assertFalse(bench.isPowered(bench.port()), "a second powerOff must leave the port off");
        driver.powerOn(bench.port());
        assertTrue(bench.isPowered(bench.port()));
    }

    @Test
    @DisplayName("power cycle switches the port off, then on again, and it ends powered")
    void powerCycleSwitchesOffThenOn() {
        driver.powerCycle(bench.port(), bench.offTime());
        awaitPowered(bench.port());
        Optional<List<Boolean>> history = bench.powerHistory(bench.port());
        history.ifPresent(changes -> {
            int off = changes.indexOf(Boolean.FALSE);
            assertTrue(off >= 0, () -> "the switch never saw the port go off during the cycle: " + changes);
            assertTrue(changes.subList(off, changes.size()).contains(Boolean.TRUE),
                    () -> "the switch never saw the port come back on: " + changes);
        });
    }

    @Test
    @DisplayName("read-back says on for a powered port and off for a switched-off one")
    void readBackFollowsTheSwitch() {
        requires(PoeCapability.READ_BACK);
        PortStatus on = driver.status(bench.port());
        assertEquals(bench.port(), on.label());
        assertTrue(on.adminEnabled(), () -> "read-back of a powered port: " + on);
        assertEquals(PortStatus.Detection.DELIVERING_POWER, on.detection(), () -> "read-back: " + on);
        assumeTrue(has(PoeCapability.ON_OFF), "driver lacks ON_OFF: cannot hold a port off to read it");
        driver.powerOff(bench.port());
        PortStatus off = driver.status(bench.port());
        assertFalse(off.adminEnabled(), () -> "read-back of a switched-off port: " + off);
        assertFalse(off.isPowering(), () -> "read-back of a switched-off port: " + off);
    }

    @Test
    @DisplayName("power readings are finite and not negative")
    void powerReadingsAreSane() {
        requires(PoeCapability.POWER_READINGS);
        PortStatus status = driver.status(bench.port());
        assertTrue(status.powerWatts().isPresent() || status.pseWatts().isPresent(),
                () -> "a driver with POWER_READINGS reported no power: " + status);
        status.powerWatts().ifPresent(w -> assertTrue(Double.isFinite(w) && w >= 0, "port watts " + w));
        status.pseWatts().ifPresent(w -> assertTrue(Double.isFinite(w) && w >= 0, "PSE watts " + w));
    }

    @Test
    @DisplayName("without ON_OFF, off and on are refused as Unsupported and the port stays powered")
    void offAndOnWithoutCapabilityAreUnsupported() {
        assumeTrue(!has(PoeCapability.ON_OFF), "driver declares ON_OFF");
        assertThrows(PoeException.Unsupported.class, () -> driver.powerOff(bench.port()));
        assertThrows(PoeException.Unsupported.class, () -> driver.powerOn(bench.port()));
        assertTrue(bench.isPowered(bench.port()));
    }

    @Test
    @DisplayName("without READ_BACK, status is refused as Unsupported")
    void statusWithoutCapabilityIsUnsupported() {
        assumeTrue(!has(PoeCapability.READ_BACK), "driver declares READ_BACK");
        assertThrows(PoeException.Unsupported.class, () -> driver.status(bench.port()));
    }

    @Test
    @DisplayName("a label missing from the port map is an UnknownPort naming switch and label, for every call")
    void unmappedLabelIsUnknownPort() {
        String sw = driver.portMap().switchName();
        for (Executable call : List.<Executable>of(
                () -> driver.powerCycle(UNMAPPED, bench.offTime()),
                () -> driver.plan(PowerAction.CYCLE, UNMAPPED, bench.offTime()),
                () -> driver.powerOff(UNMAPPED),
                () -> driver.powerOn(UNMAPPED),
                () -> driver.status(UNMAPPED))) {
            PoeException e = assertThrows(PoeException.class, call);
            if (e instanceof PoeException.Unsupported) {
                continue;
            }
            assertTrue(e instanceof PoeException.UnknownPort, () -> "expected UnknownPort, got " + e);
            assertEquals(sw, e.switchName());
            assertEquals(UNMAPPED, e.label());
            assertTrue(e.getMessage().contains(sw) && e.getMessage().contains(UNMAPPED), e::getMessage);
        }
        assertTrue(bench.isPowered(bench.port()));
    }

    @Test
    @DisplayName("a mapped port the switch does not know is an UnknownPort, and nothing else changes")
    void portUnknownToSwitchIsUnknownPort() {
        String ghost = present(bench.portUnknownToSwitch(), "bench has no port unknown to the switch");
        Executable call = has(PoeCapability.ON_OFF) ? () -> driver.powerOff(ghost)
                : () -> driver.powerCycle(ghost, bench.offTime());
        PoeException e = assertThrows(PoeException.UnknownPort.class, call);
        assertEquals(ghost, e.label());
        assertTrue(bench.isPowered(bench.port()));
    }

    @Test
    @DisplayName("wrong credentials are AccessDenied, change nothing and leak no secret")
    void wrongCredentialsAreAccessDenied() {
        try (PoeDriver intruder = present(bench.driverWithWrongCredentials(), "bench has no wrong credentials")) {
            Executable call = has(PoeCapability.ON_OFF) ? () -> intruder.powerOff(bench.port())
                    : () -> intruder.powerCycle(bench.port(), bench.offTime());
            PoeException e = assertThrows(PoeException.AccessDenied.class, call);
            assertNoSecretIn(e.getMessage());
            assertTrue(bench.isPowered(bench.port()), "a refused request changed the port");
            bench.powerHistory(bench.port()).ifPresent(h -> assertEquals(List.of(), h));
        }
    }

    @Test
    @DisplayName("a switch that never answers fails as SwitchUnreachable, not a hang")
    void silentSwitchIsUnreachable() {
        try (PoeDriver mute = present(bench.driverForSilentSwitch(), "bench has no silent switch")) {
            Executable call = has(PoeCapability.ON_OFF) ? () -> mute.powerOff(bench.port())
                    : () -> mute.powerCycle(bench.port(), bench.offTime());
            PoeException e = assertTimeoutPreemptively(bench.patience(),
                    () -> assertThrows(PoeException.SwitchUnreachable.class, call));
            assertEquals(mute.portMap().switchName(), e.switchName());
            assertNoSecretIn(e.getMessage());
        }
    }

    @Test
    @DisplayName("a dry run plans the exact requests, sends nothing and shows no secret")
    void dryRunSendsNothing() {
        List<PlannedRequest> cycle = driver.plan(PowerAction.CYCLE, bench.port(), bench.offTime());
        assertFalse(cycle.isEmpty(), "a cycle plans at least one request");
        cycle.forEach(r -> assertNoSecretIn(r.toString()));
        if (has(PoeCapability.ON_OFF)) {
            assertFalse(driver.plan(PowerAction.OFF, bench.port(), Duration.ZERO).isEmpty());
        }
        assertTrue(bench.isPowered(bench.port()), "a dry run switched the port");
        bench.powerHistory(bench.port()).ifPresent(h -> assertEquals(List.of(), h, "a dry run switched"));
    }

    @Test
    @DisplayName("close is idempotent")
    void closeIsIdempotent() {
        driver.close();
        driver.close();
    }

    /** Whether the driver under test declares a capability. */
    protected final boolean has(PoeCapability capability) {
        return driver.capabilities().contains(capability);
    }

    private void requires(PoeCapability capability) {
        assumeTrue(has(capability), () -> "driver lacks " + capability);
    }

    private static <T> T present(Optional<T> value, String reason) {
        assumeTrue(value.isPresent(), reason);
        return value.orElseThrow();
    }

    private void assertNoSecretIn(String text) {
        for (String secret : bench.secrets()) {
            assertFalse(!secret.isEmpty() && text.contains(secret), () -> "a secret leaked into: " + text);
        }
    }

    private void awaitPowered(String label) {
        long deadline = System.nanoTime() + bench.patience().toNanos();
        while (!bench.isPowered(label)) {
            if (System.nanoTime() > deadline) {
                fail("port '" + label + "' was not powered again " + bench.patience() + " after a cycle");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a port", e);
        }
    }

}
