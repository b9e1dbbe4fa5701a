package io.piha.cli.inv;

import io.piha.inventory.homeseer.HomeSeerFacts;
import io.piha.inventory.homeseer.HsDevice;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** HomeSeer's facts about a device as {@code piha inv device show} prints them: numbers as numbers. */
final class HomeSeerView {

    private HomeSeerView() {
    }

    static Map<String, Object> of(HomeSeerFacts f) {
        HsDevice d = f.reported();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ref", d.ref());
        m.put("name", d.name());
        m.put("location", d.location());
        m.put("location2", d.location2());
        m.put("pseudo_locations", f.pseudoLocations());
        m.put("relationship", d.relationship().name().toLowerCase(Locale.ROOT));
        m.put("associated_devices", d.associatedDevices());
        m.put("device_type", d.deviceType());
        m.put("interface", d.interfaceName());
        m.put("value", d.value().isPresent() ? d.value().getAsDouble() : null);
        m.put("status", d.status());
        m.put("last_change", d.lastChange().map(Object::toString).orElse(null));
        m.put("hidden", d.hidden());
        m.put("note", d.userNote());
        m.put("misc", d.misc().isPresent() ? d.misc().getAsLong() : null);
        return m;
    }
}
