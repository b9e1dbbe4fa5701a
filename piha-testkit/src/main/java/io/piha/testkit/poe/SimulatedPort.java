package io.piha.testkit.poe;

import io.piha.api.recovery.PortStatus.Detection;
import java.util.ArrayList;
import java.util.List;

/** One simulated port: admin state, the device on the cable, and the power changes seen so far. */
record SimulatedPort(boolean adminEnabled, boolean deviceAttached, boolean failing, Detection detection,
                     List<Boolean> history) {

    SimulatedPort {
        history = List.copyOf(history);
    }

    static SimulatedPort fresh() {
        return new SimulatedPort(true, true, false, Detection.DELIVERING_POWER, List.of());
    }

    SimulatedPort withAdmin(boolean enabled) {
        return new SimulatedPort(enabled, deviceAttached, failing, detection, history);
    }

    SimulatedPort withDevice(boolean attached) {
        return new SimulatedPort(adminEnabled, attached, failing, detection, history);
    }

    SimulatedPort withFailing(boolean fails) {
        return new SimulatedPort(adminEnabled, deviceAttached, fails, detection, history);
    }

    /** Detection as a PSE would settle on it: no power without admin, no device or a dead one. */
    SimulatedPort settle() {
        Detection settled = !adminEnabled ? Detection.DISABLED
                : deviceAttached && !failing ? Detection.DELIVERING_POWER : Detection.SEARCHING;
        return new SimulatedPort(adminEnabled, deviceAttached, failing, settled, history);
    }

    SimulatedPort record(boolean powered) {
        List<Boolean> next = new ArrayList<>(history);
        next.add(powered);
        return new SimulatedPort(adminEnabled, deviceAttached, failing, detection, next);
    }
}
