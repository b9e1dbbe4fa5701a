package io.piha.poe.safety;

import io.piha.api.leadership.HostId;
import io.piha.api.recovery.HostPower;
import io.piha.poe.safety.GuardedSwitch;
import io.piha.poe.safety.RecoveryOutcome;
import io.piha.poe.safety.RecoveryRequest;
import java.util.Map;
import java.util.Objects;

/**
 * {@link HostPower} through piha-poe's safety layer: each host is a labelled port on a guarded switch, so
 * every action of the control plane passes the protected-port, rate-limit and circuit-breaker rules, is
 * journalled and read back, and is audited with the arbiter's reason.
 */
public final class GuardedPorts implements HostPower {

    /**
     * Where a host is plugged in.
     *
     * @param guardedSwitch the switch, behind its safety layer
     * @param label the port's label in the switch's port map
     */
    public record Port(GuardedSwitch guardedSwitch, String label) {
        /** @throws NullPointerException if a component is null */
        public Port {
            Objects.requireNonNull(guardedSwitch, "guardedSwitch");
            Objects.requireNonNull(label, "label");
        }
    }

    private final Map<HostId, Port> ports;
    private final String actor;

    /** Hosts and their ports; {@code actor} names the control plane in the PoE audit trail. */
    public GuardedPorts(Map<HostId, Port> ports, String actor) {
        this.ports = Map.copyOf(ports);
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    @Override
    public Outcome cycle(HostId host, String reason) {
        Port p = ports.get(host);
        return p == null ? Outcome.failed("no PoE port configured for " + host)
                : outcome(p.guardedSwitch().powerCycle(RecoveryRequest.of(p.label(), actor, reason)));
    }

    @Override
    public Outcome switchOff(HostId host, String reason) {
        Port p = ports.get(host);
        return p == null ? Outcome.failed("no PoE port configured for " + host)
                : outcome(p.guardedSwitch().fence(RecoveryRequest.of(p.label(), actor, reason)));
    }

    static Outcome outcome(RecoveryOutcome o) {
        if (o instanceof RecoveryOutcome.Done d) {
            return Outcome.done(d.switchName() + "/" + d.label() + " done in " + d.took().toMillis() + " ms, verified " + d.verified());
        } else if (o instanceof RecoveryOutcome.Refused r) {
            return Outcome.failed(r.switchName() + "/" + r.label() + " refused by " + r.rule() + ": " + r.reason());
        } else if (o instanceof RecoveryOutcome.Failed f) {
            return Outcome.failed(f.switchName() + "/" + f.label() + " failed at " + f.stage() + ": " + f.reason()
                    + (f.portLeftOff() ? " (port left off)" : ""));
        }
        RecoveryOutcome.Planned p = (RecoveryOutcome.Planned) o;
        return Outcome.failed(p.switchName() + "/" + p.label() + ": dry run, nothing sent: " + p.requests());
    }
}
