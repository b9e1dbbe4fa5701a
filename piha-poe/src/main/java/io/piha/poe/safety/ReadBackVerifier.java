package io.piha.poe.safety;

import io.piha.api.health.HealthProbe;
import io.piha.api.health.ProbeResult;
import io.piha.api.recovery.PoeCapability;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PortStatus;
import io.piha.poe.Pause;
import io.piha.poe.safety.RecoveryOutcome.Failed;
import io.piha.poe.safety.RecoveryOutcome.PortAfter;
import io.piha.poe.safety.RecoveryOutcome.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Confirms a port came back, step by step: admin state, then {@code deliveringPower}, then the host
 * answering. Each step polls until its own timeout, on the injected clock and pause.
 */
final class ReadBackVerifier {

    private final PoeDriver driver;
    private final ReadBackConfig config;
    private final Clock clock;
    private final Pause pause;
    private final PortActions actions;

    ReadBackVerifier(PoeDriver driver, ReadBackConfig config, Clock clock, Pause pause, PortActions actions) {
        this.driver = driver;
        this.config = config;
        this.clock = clock;
        this.pause = pause;
        this.actions = actions;
    }

    /** Adds each passed stage to {@code verified}; returns the first failure, if any. */
    Optional<Failed> verify(String label, Optional<HealthProbe> host, List<Stage> verified) {
        String sw = driver.portMap().switchName();
        if (driver.capabilities().contains(PoeCapability.READ_BACK)) {
            Optional<String> admin = await(config.adminTimeout(), () -> look(label, PortStatus::adminEnabled));
            if (admin.isPresent()) {
                PortAfter port = actions.observe(label);
                actions.record(label, port);
                return Optional.of(fail(sw, label, Stage.ADMIN_STATE, config.adminTimeout(), admin.get(), port));
            }
            verified.add(Stage.ADMIN_STATE);
            Optional<String> power = await(config.detectionTimeout(), () -> look(label, PortStatus::isPowering));
            if (power.isPresent()) {
                return Optional.of(fail(sw, label, Stage.DETECTION, config.detectionTimeout(), power.get(),
                        PortAfter.ON));
            }
            verified.add(Stage.DETECTION);
        }
        if (host.isPresent()) {
            HealthProbe probe = host.get();
            Optional<String> up = await(config.hostTimeout(), () -> {
                ProbeResult result = probe.probe();
                return result.isUp() ? Optional.empty() : Optional.of(probe.describe() + ": " + result);
            });
            if (up.isPresent()) {
                return Optional.of(fail(sw, label, Stage.HOST, config.hostTimeout(), up.get(), PortAfter.ON));
            }
            verified.add(Stage.HOST);
        }
        return Optional.empty();
    }

    private Optional<String> look(String label, java.util.function.Predicate<PortStatus> ok) {
        try {
            PortStatus status = driver.status(label);
            return ok.test(status) ? Optional.empty() : Optional.of("read back " + status);
        } catch (PoeException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Polls until the check passes (empty) or the timeout passes (the last observation). */
    private Optional<String> await(Duration timeout, Supplier<Optional<String>> check) {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            Optional<String> observed = check.get();
            if (observed.isEmpty() || !clock.instant().isBefore(deadline)) {
                return observed;
            }
            try {
                pause.pause(config.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while waiting; last seen: " + observed.get());
            }
        }
    }

    private static Failed fail(String sw, String label, Stage stage, Duration timeout, String observed,
                               PortAfter port) {
        return new Failed(sw, label, stage, "switch '" + sw + "' port '" + label + "': " + stage + " not confirmed within "
                + timeout + "; last seen: " + observed, port);
    }
}
