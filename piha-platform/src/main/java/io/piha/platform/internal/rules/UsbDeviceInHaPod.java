package io.piha.platform.internal.rules;

import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.App;
import io.piha.platform.internal.model.Platform;
import java.util.Optional;

/** V4: a USB or serial device (the Zigbee coordinator) in the Home Assistant pod. */
final class UsbDeviceInHaPod implements AuditRule {

    static final Rule RULE = new Rule("usb-device-in-ha-pod", Severity.CRITICAL, Phase.HOME_ASSISTANT,
            "A USB or serial device is mounted into the Home Assistant pod",
            "The Zigbee coordinator belongs to Zigbee2MQTT alone; Home Assistant talks to Zigbee only over MQTT. "
                    + "In the HA pod the stick blocks Zigbee2MQTT and ties Home Assistant to one node.",
            "Remove the device mount from Home Assistant and give the device to the Zigbee2MQTT pod only "
                    + "(re-pairing is not needed when the coordinator's backup moves with it).",
            Optional.of("V4"), "Critical Rules: USB devices may be mounted to one pod only; Zigbee: coordinator "
                    + "mounted only to the Zigbee2MQTT pod");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        p.running(App.HOME_ASSISTANT).forEach(w -> Devices.serial(w).forEach(u -> findings.add(RULE, u.at(),
                w.describe() + " gives " + u.device() + " to container " + u.container().name()
                        + " of the Home Assistant pod")));
    }
}
