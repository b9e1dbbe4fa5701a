package io.piha.poe.safety;

import io.piha.api.recovery.PortMap;
import io.piha.poe.safety.RecoveryOutcome.Refused;
import io.piha.poe.safety.RecoveryOutcome.Rule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pure decision of the safety layer: may this port be acted on now? No I/O; time is an argument.
 */
final class RecoveryPolicy {

    private final SafetyConfig config;

    RecoveryPolicy(SafetyConfig config) {
        this.config = config;
    }

    /** The guards of every action, power-on included: the port must be mapped and not protected. */
    Optional<Refused> checkPort(PortMap map, String label) {
        String sw = map.switchName();
        if (map.address(label).isEmpty()) {
            return refuse(sw, label, Rule.UNKNOWN_PORT, "not in the port map of " + sw);
        }
        if (map.isProtected(label) || config.protectedLabels().contains(label)) {
            return refuse(sw, label, Rule.PROTECTED_PORT, "protected (configured, or an uplink): never switched");
        }
        return Optional.empty();
    }

    /** All guards of an action that takes power away: port, breaker, cooldown, rate limits. */
    Optional<Refused> check(PortMap map, String label, SafetyLedger ledger, Instant now) {
        String sw = map.switchName();
        Optional<Refused> port = checkPort(map, label);
        if (port.isPresent()) {
            return port;
        }
        Optional<Instant> openUntil = ledger.breakerOpenUntil(sw, label);
        if (openUntil.isPresent() && now.isBefore(openUntil.get())) {
            return refuse(sw, label, Rule.BREAKER_OPEN, "breaker open until " + openUntil.get() + " after "
                    + config.breakerThreshold() + " failed recoveries; reset it once the host is looked at");
        }
        List<Instant> past = ledger.actions(sw, label);
        if (!past.isEmpty()) {
            Instant last = past.get(past.size() - 1);
            Instant ready = last.plus(config.portCooldown());
            if (now.isBefore(ready)) {
                return refuse(sw, label, Rule.PORT_COOLDOWN, "last action at " + last + ", cooldown "
                        + config.portCooldown() + " ends at " + ready);
            }
        }
        Instant since = now.minus(config.rateWindow());
        long onSwitch = ledger.actionsSince(since, Optional.of(sw));
        if (onSwitch >= config.perSwitchLimit()) {
            return refuse(sw, label, Rule.SWITCH_RATE, onSwitch + " actions on " + sw + " within "
                    + config.rateWindow() + ", limit " + config.perSwitchLimit());
        }
        long everywhere = ledger.actionsSince(since, Optional.empty());
        if (everywhere >= config.globalLimit()) {
            return refuse(sw, label, Rule.GLOBAL_RATE, everywhere + " actions on all switches within "
                    + config.rateWindow() + ", limit " + config.globalLimit());
        }
        return Optional.empty();
    }

    /** Whether this failure (already recorded) opens the breaker. */
    boolean opensBreaker(List<Instant> failures, Instant now) {
        Instant since = now.minus(config.breakerWindow());
        return failures.stream().filter(t -> !t.isBefore(since)).count() >= config.breakerThreshold();
    }

    private static Optional<Refused> refuse(String sw, String label, Rule rule, String reason) {
        return Optional.of(new Refused(sw, label, rule, reason));
    }
}
