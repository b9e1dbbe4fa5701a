package io.piha.examples.controlplane;

import io.piha.api.leadership.HostId;
import io.piha.api.recovery.PoeCapability;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PortStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * {@link HostPower} over PoE drivers (wrap them in piha-poe's safety layer): each host is a labelled port on
 * a switch. Power-off is confirmed by read-back where the driver can read back.
 */
public final class PoePorts implements HostPower {

    /**
     * Where a host is plugged in.
     *
     * @param driver the switch (guarded)
     * @param label the port's label in the switch's port map
     */
    public record Port(PoeDriver driver, String label) {
        /** @throws NullPointerException if a component is null */
        public Port {
            Objects.requireNonNull(driver, "driver");
            Objects.requireNonNull(label, "label");
        }
    }

    private final Map<HostId, Port> ports;
    private final Duration offTime;

    /** Hosts and their ports; {@code offTime} is how long a cycled port stays off. */
    public PoePorts(Map<HostId, Port> ports, Duration offTime) {
        this.ports = Map.copyOf(ports);
        this.offTime = Objects.requireNonNull(offTime, "offTime");
    }

    @Override
    public Outcome cycle(HostId host, String reason) {
        Port p = ports.get(host);
        if (p == null) {
            return Outcome.failed("no PoE port configured for " + host);
        }
        try {
            p.driver().powerCycle(p.label(), offTime);
            return Outcome.done(where(p) + " cycled (" + offTime.toMillis() + " ms off)");
        } catch (PoeException | UnsupportedOperationException e) {
            return Outcome.failed(where(p) + ": " + e.getMessage());
        }
    }

    @Override
    public Outcome switchOff(HostId host, String reason) {
        Port p = ports.get(host);
        if (p == null) {
            return Outcome.failed("no PoE port configured for " + host);
        }
        try {
            p.driver().powerOff(p.label());
            if (!p.driver().capabilities().contains(PoeCapability.READ_BACK)) {
                return Outcome.done(where(p) + " switched off (the driver cannot read back)");
            }
            PortStatus s = p.driver().status(p.label());
            return s.adminEnabled() ? Outcome.failed(where(p) + " still enabled after power-off: " + s)
                    : Outcome.done(where(p) + " off, confirmed by read-back (" + s.detection() + ")");
        } catch (PoeException | UnsupportedOperationException e) {
            return Outcome.failed(where(p) + ": " + e.getMessage());
        }
    }

    private static String where(Port p) {
        return p.driver().portMap().switchName() + "/" + p.label();
    }
}
