package io.piha.service;

import io.piha.http.audit.AuditLogs;
import io.piha.http.audit.CompositeAuditLog;
import io.piha.http.audit.AuditConfig;
import io.piha.service.config.SwitchConfig;
import io.piha.poe.Pause;
import io.piha.poe.safety.GuardedSwitch;
import io.piha.poe.safety.RecoveryOutcome;
import io.piha.poe.safety.RecoveryRequest;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One guarded power-cycle of a port, as an operator asks for it in a drill. */
public final class HostReset {

    private static final Logger LOG = LoggerFactory.getLogger(HostReset.class);

    private HostReset() {
    }

    /**
     * Cycles {@code port} on a switch given without a control-plane file (from the command line's flags): the
     * audit goes to the log.
     */
    public static RecoveryOutcome cycle(SwitchConfig sw, String port, Path stateDir, Clock clock, String actor,
                                        String reason, boolean dryRun) {
        try (var driver = Switches.driver(sw)) {
            GuardedSwitch gs = new GuardedSwitch(driver, Switches.safety(sw, dryRun), Switches.ledger(sw, stateDir),
                    clock, Pause.REAL, new io.piha.http.audit.Slf4jAuditLog(),
                    alert -> LOG.warn("{}: {}", alert.code(), alert.message()));
            return gs.powerCycle(RecoveryRequest.of(port, actor, reason));
        }
    }

    /** Cycles {@code port} on the switch through the safety layer, sharing the control plane's ledger. */
    public static RecoveryOutcome cycle(SwitchConfig sw, String port, Path stateDir, Clock clock, String actor, String reason,
                                        boolean dryRun, AuditConfig auditConfig) {
        try (CompositeAuditLog audit = AuditLogs.open(auditConfig);
             var driver = Switches.driver(sw)) {
            GuardedSwitch gs = new GuardedSwitch(driver, Switches.safety(sw, dryRun), Switches.ledger(sw, stateDir),
                    clock, Pause.REAL, audit, alert -> LOG.warn("{}: {}", alert.code(), alert.message()));
            return gs.powerCycle(RecoveryRequest.of(port, actor, reason));
        } catch (Exception e) {
            throw new IllegalStateException("reset of " + sw.name() + "/" + port + " failed: " + e.getMessage(), e);
        }
    }
}
