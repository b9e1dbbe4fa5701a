package io.piha.platform.internal.rules;

import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.model.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Critical rule: a USB device in one pod only; not in two workloads, not in a workload with replicas. */
final class UsbDeviceShared implements AuditRule {

    static final Rule RULE = new Rule("usb-device-shared", Severity.CRITICAL, Phase.EDGE,
            "A USB or serial device given to more than one pod",
            "Two processes on one Zigbee coordinator corrupt its frames and can brick the network; a second "
                    + "replica fights the first for the port.",
            "Give the device to exactly one workload with replicas: 1 and strategy Recreate (so the old pod "
                    + "lets go before the new one starts).",
            Optional.empty(), "Critical Rules: USB devices (Zigbee coordinators) may be mounted to one pod only");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        Map<String, List<Devices.Use>> byDevice = p.workloads().stream().flatMap(w -> Devices.serial(w).stream())
                .collect(Collectors.groupingBy(Devices.Use::device, LinkedHashMap::new, Collectors.toList()));
        byDevice.forEach((device, uses) -> {
            List<Workload> owners = uses.stream().map(Devices.Use::workload).distinct().toList();
            if (owners.size() > 1) {
                findings.add(RULE, uses.get(uses.size() - 1).at(), device + " is given to " + owners.size()
                        + " workloads: " + owners.stream().map(Workload::describe).collect(Collectors.joining(", ")),
                        uses.stream().map(Devices.Use::at).toList());
            }
            uses.stream().filter(u -> u.workload().isService() && u.workload().replicas() > 1).forEach(u ->
                    findings.add(RULE, u.at(), u.workload().describe() + " runs " + u.workload().replicas()
                            + " replicas, each given " + device));
        });
    }
}
