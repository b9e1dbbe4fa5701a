package io.piha.poe.memory;

import io.piha.api.recovery.PlannedRequest;
import io.piha.api.recovery.PoeCapability;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PortMap;
import io.piha.api.recovery.PortStatus;
import io.piha.api.recovery.PortStatus.Detection;
import io.piha.api.recovery.PowerAction;
import io.piha.poe.Pause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A switch whose ports live in memory: the {@code simulated} switch type, to try the control plane, its
 * configuration and its safety layer without hardware. Every port starts powered; switching logs a line
 * with the switch, port and new state, and is remembered until the process ends. Thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryPoeDriver implements PoeDriver {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryPoeDriver.class);

    private final PortMap portMap;
    private final Pause pause;
    private final Map<String, Boolean> powered = new HashMap<>();
    private final Map<String, List<Boolean>> history = new HashMap<>();

    /**
     * @param portMap the ports; each mapped label is a port of this switch, powered at start
     * @param pause how a cycle waits out its off time
     */
    public InMemoryPoeDriver(PortMap portMap, Pause pause) {
        this.portMap = Objects.requireNonNull(portMap, "portMap");
        this.pause = Objects.requireNonNull(pause, "pause");
        portMap.ports().keySet().forEach(label -> {
            powered.put(label, true);
            history.put(label, new ArrayList<>());
        });
    }

    @Override
    public PortMap portMap() {
        return portMap;
    }

    @Override
    public Set<PoeCapability> capabilities() {
        return Set.of(PoeCapability.ON_OFF, PoeCapability.READ_BACK);
    }

    @Override
    public synchronized PortStatus status(String label) {
        boolean on = port(label);
        return PortStatus.of(label, on, on ? Detection.DELIVERING_POWER : Detection.DISABLED);
    }

    @Override
    public void powerOff(String label) {
        set(label, false);
    }

    @Override
    public void powerOn(String label) {
        set(label, true);
    }

    @Override
    public void powerCycle(String label, Duration offTime) {
        set(label, false);
        try {
            pause.pause(offTime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            set(label, true);
        }
    }

    @Override
    public List<PlannedRequest> plan(PowerAction action, String label, Duration offTime) {
        port(label);
        PlannedRequest off = new PlannedRequest("memory", "SET", portMap.switchName() + "/" + label, "off");
        PlannedRequest on = new PlannedRequest("memory", "SET", portMap.switchName() + "/" + label, "on");
        return switch (action) {
            case OFF -> List.of(off);
            case ON -> List.of(on);
            case CYCLE -> List.of(off, new PlannedRequest("local", "WAIT", offTime.toString(), ""), on);
        };
    }

    /** The power changes of a port so far, oldest first ({@code true} = on). */
    public synchronized List<Boolean> history(String label) {
        port(label);
        return List.copyOf(history.get(label));
    }

    @Override
    public void close() {
        // nothing to release
    }

    private synchronized void set(String label, boolean on) {
        if (port(label) != on) {
            powered.put(label, on);
            history.get(label).add(on);
            LOG.info("simulated switch {} port {}: power {}", portMap.switchName(), label, on ? "on" : "off");
        }
    }

    private boolean port(String label) {
        portMap.require(label);
        Boolean on = powered.get(label);
        if (on == null) {
            throw new PoeException.UnknownPort(portMap.switchName(), label, "not a port of the simulated switch");
        }
        return on;
    }
}
