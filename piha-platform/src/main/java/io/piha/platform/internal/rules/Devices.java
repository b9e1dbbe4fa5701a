package io.piha.platform.internal.rules;

import io.piha.platform.Location;
import io.piha.platform.internal.model.Container;
import io.piha.platform.internal.model.Workload;
import io.piha.platform.internal.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Host paths and device-plugin resources that hand a pod hardware: serial sticks, Bluetooth, system paths. */
final class Devices {

    private static final Pattern SERIAL = Pattern.compile(
            "/dev(/(tty(USB|ACM|AMA|S)\\d*|serial(/.*)?|zigbee.*|bus/usb(/.*)?|hidraw\\d*))?/?");
    private static final List<String> BLUETOOTH = List.of("/var/run/dbus", "/run/dbus", "/sys/class/bluetooth",
            "/sys/devices/virtual/bluetooth");
    private static final List<String> SYSTEM = List.of("/dev", "/sys", "/proc", "/run", "/var/run",
            "/etc/localtime", "/etc/timezone", "/usr/share/zoneinfo", "/lib/modules");
    private static final Pattern DEVICE_RESOURCE = Pattern.compile(".*(serial|zigbee|usb|tty|coordinator).*");

    /** A device a container is given, and where. */
    record Use(Workload workload, Container container, String device, Location at) {
    }

    private Devices() {
    }

    /** The host path of a pod volume, if it is a hostPath volume. */
    static Optional<String> hostPath(Workload w, String volume) {
        return w.volume(volume).flatMap(v -> v.textAt("hostPath", "path")).map(p -> p.replaceAll("/+$", ""))
                .map(p -> p.isEmpty() ? "/" : p);
    }

    /** Serial and USB devices the workload's containers get: hostPath mounts and device-plugin resources. */
    static List<Use> serial(Workload w) {
        List<Use> out = new ArrayList<>();
        for (Container c : w.containers()) {
            for (Container.Mount mount : c.mounts()) {
                hostPath(w, mount.volume()).filter(p -> SERIAL.matcher(p).matches())
                        .ifPresent(p -> out.add(new Use(w, c, p, mount.location())));
            }
            c.node().mapAt("resources", "limits").map(YamlMap::keys).ifPresent(keys -> keys.forEach((k, at) -> {
                if (k.contains("/") && DEVICE_RESOURCE.matcher(k.toLowerCase(Locale.ROOT)).matches()) {
                    out.add(new Use(w, c, k, at));
                }
            }));
        }
        return out;
    }

    /** Bluetooth and D-Bus host mounts of the workload's containers. */
    static List<Use> bluetooth(Workload w) {
        List<Use> out = new ArrayList<>();
        for (Container c : w.containers()) {
            for (Container.Mount mount : c.mounts()) {
                hostPath(w, mount.volume()).filter(p -> BLUETOOTH.stream().anyMatch(b -> under(p, b)))
                        .ifPresent(p -> out.add(new Use(w, c, p, mount.location())));
            }
        }
        return out;
    }

    /** Whether a host path is a system path (devices, sockets, time zone), not storage. */
    static boolean isSystemPath(String path) {
        return SYSTEM.stream().anyMatch(s -> under(path, s));
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
