package io.piha.poe.safety;

import io.piha.api.alert.AlertSink;
import io.piha.api.audit.AuditLog;
import io.piha.api.recovery.PlannedRequest;
import io.piha.api.recovery.PoeCapability;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PowerAction;
import io.piha.poe.Pause;
import io.piha.poe.safety.RecoveryOutcome.Done;
import io.piha.poe.safety.RecoveryOutcome.Failed;
import io.piha.poe.safety.RecoveryOutcome.Planned;
import io.piha.poe.safety.RecoveryOutcome.PortAfter;
import io.piha.poe.safety.RecoveryOutcome.Refused;
import io.piha.poe.safety.RecoveryOutcome.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The safety layer around one switch's driver: every power action passes the guards (protected ports,
 * cooldown, per-switch and global rate limits, the host's circuit breaker), is audited with who and why,
 * and ends in a typed {@link RecoveryOutcome} after read-back verification.
 *
 * <p>Crash safety: a cycle is handed to the device's own timer when the driver has
 * {@link PoeCapability#NATIVE_CYCLE}; otherwise "port may be off since T" is journalled in the
 * {@link SafetyLedger} before the power-off is sent, "port off" once it succeeded, and
 * {@link #restoreLeftOffPorts(String)} (call it at start-up) switches back on every port the journal says is
 * or may be off.
 *
 * <p>Honest failures: a {@link Failed} names the first step that failed and the port's state as observed
 * ({@link RecoveryOutcome.PortAfter}): a power-off the switch refused left the port untouched; "left off"
 * only when a successful power-off or a read-back says so.
 *
 * <p>Thread-safe: one lock per switch serialises its actions. Use one {@code GuardedSwitch} per switch per
 * process, all sharing one ledger.
 *
 * @since 0.1
 */
public final class GuardedSwitch {

    private final PoeDriver driver;
    private final SafetyConfig config;
    private final SafetyLedger ledger;
    private final Clock clock;
    private final Pause pause;
    private final SafetyEvents events;
    private final RecoveryPolicy policy;
    private final ReadBackVerifier verifier;
    private final PortActions actions;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * @param driver the switch's driver
     * @param config limits and timeouts
     * @param ledger the shared, persistent memory of actions, failures and the journal
     * @param clock the source of time for cooldowns, breakers and timeouts
     * @param pause how to wait (off time, polling)
     * @param audit where every decision is recorded
     * @param alerts where refusals, failures and restored ports are reported
     */
    public GuardedSwitch(PoeDriver driver, SafetyConfig config, SafetyLedger ledger, Clock clock, Pause pause,
                         AuditLog audit, AlertSink alerts) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.config = Objects.requireNonNull(config, "config");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.events = new SafetyEvents(driver.portMap().switchName(), clock, audit, alerts);
        this.policy = new RecoveryPolicy(config);
        this.actions = new PortActions(driver, ledger, clock);
        this.verifier = new ReadBackVerifier(driver, config.readBack(), clock, pause, actions);
    }

    /** The switch this layer guards. */
    public String switchName() {
        return driver.portMap().switchName();
    }

    /**
     * Every mapped port of this switch as the safety layer holds it now: last action, cooldown, breaker, and the
     * ports the journal has off (left off by an interrupted cycle, maybe off, held off by a fence). Never waits for
     * an action in progress; for status pages and metrics.
     *
     * @throws java.io.UncheckedIOException if the ledger file cannot be read
     */
    public SwitchView view() {
        return ledger.view(driver.portMap(), config, clock.instant());
    }

    /** Cycles a port (off, the configured off time, on), then verifies it came back. */
    public RecoveryOutcome powerCycle(RecoveryRequest request) {
        return guarded(PowerAction.CYCLE, request, () -> cycle(request));
    }

    /** Switches a port off and leaves it off (deliberately: not journalled for restore). */
    public RecoveryOutcome powerOff(RecoveryRequest request) {
        return guarded(PowerAction.OFF, request, () -> {
            Instant start = clock.instant();
            Optional<Failed> failed = actions.off(request.label(), false).or(() -> confirmOff(request.label()));
            if (failed.isPresent()) {
                return failed.get();
            }
            events.leftOff(request);
            return new Done(switchName(), request.label(), verifiedOff(), Duration.between(start, clock.instant()));
        });
    }

    /**
     * Fences a failed host before another one is promoted: switches its port off, keeps it off, and confirms
     * it by reading the admin state back where the driver can. Protected and unknown ports are refused, but
     * not cooldowns, rate limits or the breaker: fencing usually follows the recovery cycle of the same port
     * within seconds, and it cannot become a loop because the port stays off until a person powers it on.
     */
    public RecoveryOutcome fence(RecoveryRequest request) {
        lock.lock();
        try {
            Optional<Refused> refused = policy.checkPort(driver.portMap(), request.label());
            if (refused.isPresent()) {
                return events.refused("fence", request, refused.get());
            }
            if (config.dryRun()) {
                return events.planned("fence", request, plan(PowerAction.OFF, request.label()));
            }
            events.accepted("fence", request);
            Instant start = clock.instant();
            Optional<Failed> failed = actions.off(request.label(), false).or(() -> confirmOff(request.label()));
            if (failed.isPresent()) {
                return events.failed("fence", request, failed.get());
            }
            events.leftOff(request);
            return events.done("fence", request, new Done(switchName(), request.label(), verifiedOff(),
                    Duration.between(start, clock.instant())));
        } finally {
            lock.unlock();
        }
    }

    private Optional<Failed> confirmOff(String label) {
        if (!driver.capabilities().contains(PoeCapability.READ_BACK)) {
            return Optional.empty();
        }
        try {
            return driver.status(label).adminEnabled()
                    ? Optional.of(new Failed(switchName(), label, Stage.ADMIN_STATE, "switch '" + switchName()
                    + "' port '" + label + "' reads back enabled after a power-off it accepted", PortAfter.ON))
                    : Optional.empty();
        } catch (PoeException e) {
            return Optional.of(new Failed(switchName(), label, Stage.ADMIN_STATE, e.getClass().getSimpleName() + ": "
                    + e.getMessage() + " (the power-off itself was accepted)", PortAfter.LEFT_OFF));
        }
    }

    private List<Stage> verifiedOff() {
        return driver.capabilities().contains(PoeCapability.READ_BACK) ? List.of(Stage.ADMIN_STATE) : List.of();
    }

    /** Switches a port on and verifies it (not rate-limited: restoring power is always allowed). */
    public RecoveryOutcome powerOn(RecoveryRequest request) {
        lock.lock();
        try {
            Optional<Refused> refused = policy.checkPort(driver.portMap(), request.label());
            if (refused.isPresent()) {
                return events.refused("power_on", request, refused.get());
            }
            if (config.dryRun()) {
                return events.planned("power_on", request, plan(PowerAction.ON, request.label()));
            }
            events.accepted("power_on", request);
            Instant start = clock.instant();
            List<Stage> verified = new ArrayList<>();
            Optional<Failed> failed = actions.on(request.label(), false)
                    .or(() -> verifier.verify(request.label(), request.host(), verified));
            if (failed.isPresent()) {
                return events.failed("power_on", request, failed.get());
            }
            return events.done("power_on", request, new Done(switchName(), request.label(), verified,
                    Duration.between(start, clock.instant())));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Switches on every port of this switch the journal says was left off by an interrupted cycle. Call it at
     * start-up, before any other action. Each restore is audited and alerted.
     */
    public List<RecoveryOutcome> restoreLeftOffPorts(String actor) {
        List<RecoveryOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, Instant> off : ledger.leftOff(switchName()).entrySet()) {
            outcomes.add(restore(RecoveryRequest.of(off.getKey(), actor,
                    "journal says the port was switched off at " + off.getValue() + " and never back on")));
        }
        for (Map.Entry<String, Instant> maybe : ledger.maybeOff(switchName()).entrySet()) {
            outcomes.add(restore(RecoveryRequest.of(maybe.getKey(), actor, "journal says a power-off was sent at "
                    + maybe.getValue() + " and neither confirmed nor undone: the port may be off")));
        }
        return outcomes;
    }

    private RecoveryOutcome restore(RecoveryRequest request) {
        RecoveryOutcome outcome = powerOn(request);
        events.restored(request, outcome);
        return outcome;
    }

    private RecoveryOutcome guarded(PowerAction action, RecoveryRequest request, Supplier<RecoveryOutcome> act) {
        String name = action == PowerAction.CYCLE ? "power_cycle" : "power_off";
        lock.lock();
        try {
            Instant now = clock.instant();
            Optional<Refused> refused = policy.check(driver.portMap(), request.label(), ledger, now);
            if (refused.isPresent()) {
                return events.refused(name, request, refused.get());
            }
            if (config.dryRun()) {
                return events.planned(name, request, plan(action, request.label()));
            }
            events.accepted(name, request);
            ledger.recordAction(switchName(), request.label(), now);
            RecoveryOutcome outcome = act.get();
            if (outcome instanceof Failed f) {
                return failed(name, request, f, now);
            }
            ledger.clearFailures(switchName(), request.label());
            return events.done(name, request, (Done) outcome);
        } finally {
            lock.unlock();
        }
    }

    private RecoveryOutcome cycle(RecoveryRequest request) {
        String label = request.label();
        Instant start = clock.instant();
        Optional<Failed> failed = driver.capabilities().contains(PoeCapability.NATIVE_CYCLE)
                ? actions.nativeCycle(label, config.offTime()) : offWaitOn(label);
        List<Stage> verified = new ArrayList<>();
        Optional<Failed> unverified = failed.isPresent() ? failed : verifier.verify(label, request.host(), verified);
        return unverified.<RecoveryOutcome>map(f -> f).orElseGet(() ->
                new Done(switchName(), label, verified, Duration.between(start, clock.instant())));
    }

    private Optional<Failed> offWaitOn(String label) {
        Optional<Failed> off = actions.off(label, true);
        if (off.isPresent() && off.get().port() == PortAfter.UNTOUCHED) {
            return off;
        }
        if (off.isPresent()) {
            // unanswered: the port may be off, and switching on is always safe
            Optional<Failed> on = actions.on(label, off.get().port() == PortAfter.LEFT_OFF);
            Failed first = off.get();
            return Optional.of(new Failed(first.switchName(), label, Stage.SWITCH_OFF, first.reason()
                    + on.map(f -> "; the power-on after it failed too: " + f.reason())
                    .orElse("; the power-on after it succeeded"), on.map(Failed::port).orElse(PortAfter.ON)));
        }
        waitOffTime();
        return actions.on(label, true);
    }

    private RecoveryOutcome failed(String name, RecoveryRequest request, Failed failure, Instant now) {
        ledger.recordFailure(switchName(), request.label(), now);
        RecoveryOutcome outcome = events.failed(name, request, failure);
        if (policy.opensBreaker(ledger.failures(switchName(), request.label()), now)) {
            Instant until = now.plus(config.breakerOpenFor());
            ledger.openBreaker(switchName(), request.label(), until);
            events.breakerOpened(request, until, config.breakerThreshold());
        }
        return outcome;
    }

    private List<PlannedRequest> plan(PowerAction action, String label) {
        return driver.plan(action, label, config.offTime());
    }

    private void waitOffTime() {
        try {
            pause.pause(config.offTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
