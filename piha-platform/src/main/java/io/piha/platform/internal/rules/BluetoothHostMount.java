package io.piha.platform.internal.rules;

import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.App;
import io.piha.platform.internal.model.Platform;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A7: Bluetooth and D-Bus from the host mounted into the Home Assistant pod. */
final class BluetoothHostMount implements AuditRule {

    static final Rule RULE = new Rule("bluetooth-host-mount", Severity.LOW, Phase.EDGE,
            "Bluetooth or D-Bus of the host mounted into Home Assistant",
            "Host Bluetooth and the system D-Bus are hardware passthrough the seed's architecture does not "
                    + "include: they tie Home Assistant to one node and widen what a compromised integration reaches.",
            "Remove the mounts if Bluetooth is unused; if it is needed, use an ESPHome Bluetooth proxy instead, or "
                    + "suppress this finding with the reason.",
            Optional.of("A7"), "Phase 0 A7: Bluetooth Mounted but Not Used in Architecture");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        p.running(App.HOME_ASSISTANT).forEach(w -> {
            List<Devices.Use> uses = Devices.bluetooth(w);
            if (!uses.isEmpty()) {
                findings.add(RULE, uses.get(0).at(), w.describe() + " mounts "
                        + uses.stream().map(Devices.Use::device).distinct().collect(Collectors.joining(", "))
                        + " from the host", uses.stream().map(Devices.Use::at).toList());
            }
        });
    }
}
