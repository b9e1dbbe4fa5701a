package io.piha.poe.safety;

import io.piha.api.recovery.PoeCapability;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PortStatus;
import io.piha.poe.safety.RecoveryOutcome.Failed;
import io.piha.poe.safety.RecoveryOutcome.PortAfter;
import io.piha.poe.safety.RecoveryOutcome.Stage;
import java.time.Clock;
import java.util.Optional;

/**
 * The driver calls of the safety layer, each failure reported at the step where it happened with the port's
 * state as observed (never assumed), and the ledger's journal kept to what was observed: a port is journalled
 * off only once a power-off succeeded or a read-back said so.
 */
final class PortActions {

    private final PoeDriver driver;
    private final SafetyLedger ledger;
    private final Clock clock;

    PortActions(PoeDriver driver, SafetyLedger ledger, Clock clock) {
        this.driver = driver;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Switches the port off. On failure the switch either refused (the port was never switched) or did not
     * answer; then the port is read back where the driver can.
     *
     * @param journal whether the port is journalled for restore (a cycle) or deliberately left off (off, fence)
     */
    Optional<Failed> off(String label, boolean journal) {
        if (journal) {
            ledger.journalMaybeOff(name(), label, clock.instant());
        } else {
            ledger.journalHeldOff(name(), label, clock.instant());
        }
        try {
            driver.powerOff(label);
        } catch (PoeException e) {
            PortAfter port = refused(e) ? PortAfter.UNTOUCHED : observe(label);
            if (journal) {
                record(label, port);
            }
            return Optional.of(failed(label, Stage.SWITCH_OFF, e, port));
        }
        if (journal) {
            ledger.journalOff(name(), label, clock.instant());
        }
        return Optional.empty();
    }

    /** Switches the port on; on failure reads it back, knowing whether it was off before. */
    Optional<Failed> on(String label, boolean wasOff) {
        try {
            driver.powerOn(label);
        } catch (PoeException e) {
            PortAfter seen = refused(e) ? PortAfter.UNTOUCHED : observe(label);
            PortAfter port = seen == PortAfter.ON ? PortAfter.ON : wasOff ? PortAfter.LEFT_OFF : seen;
            record(label, port);
            return Optional.of(failed(label, Stage.SWITCH_ON, e, port));
        }
        ledger.journalOn(name(), label);
        return Optional.empty();
    }

    /**
     * A cycle by the device's own timer: a failure is at the first step, and the device (not we) turns the
     * port back on, so nothing is journalled.
     */
    Optional<Failed> nativeCycle(String label, java.time.Duration offTime) {
        try {
            driver.powerCycle(label, offTime);
            return Optional.empty();
        } catch (PoeException e) {
            return Optional.of(failed(label, Stage.SWITCH_OFF, e, refused(e) ? PortAfter.UNTOUCHED : observe(label)));
        }
    }

    /** The port as the switch reports it now: ON, LEFT_OFF, or UNKNOWN when it cannot be read. */
    PortAfter observe(String label) {
        if (!driver.capabilities().contains(PoeCapability.READ_BACK)) {
            return PortAfter.UNKNOWN;
        }
        try {
            PortStatus status = driver.status(label);
            return status.adminEnabled() ? PortAfter.ON : PortAfter.LEFT_OFF;
        } catch (PoeException e) {
            return PortAfter.UNKNOWN;
        }
    }

    /** Keeps the journal to an observation. */
    void record(String label, PortAfter port) {
        switch (port) {
            case UNTOUCHED, ON -> ledger.journalOn(name(), label);
            case LEFT_OFF -> ledger.journalOff(name(), label, clock.instant());
            case UNKNOWN -> ledger.journalMaybeOff(name(), label, clock.instant());
        }
    }

    /** The switch answered and refused: nothing was switched. A silent or garbled switch may have acted. */
    private static boolean refused(PoeException e) {
        return e instanceof PoeException.AccessDenied || e instanceof PoeException.UnknownPort
                || e instanceof PoeException.Unsupported || e instanceof PoeException.Refused;
    }

    private Failed failed(String label, Stage stage, PoeException e, PortAfter port) {
        return new Failed(name(), label, stage, e.getClass().getSimpleName() + ": " + e.getMessage(), port);
    }

    private String name() {
        return driver.portMap().switchName();
    }
}
