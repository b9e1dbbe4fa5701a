package io.piha.inventory.homeseer;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Location names that are not places. HomeSeer and its plug-ins write such names into a device's location fields:
 * blanks and placeholders, a plug-in's own name (a Z-Wave device is first placed in {@code Z-Wave}, a timer or a
 * weather plug-in files its devices under its name), and the Z-Wave plug-in's {@code Node <n>} for each node it
 * includes (HomeSeer's own getstatus example: location {@code Z-Wave}, location2 {@code Node 122}). A device in a
 * pseudo-location gets no zone at that level; the name is still recorded with HomeSeer's facts. Names compare
 * ignoring case and surrounding blanks. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class PseudoLocations {

    /** The names treated as no location by default, besides every {@code Node <n>} and every plug-in's name. */
    public static final Set<String> DEFAULT_NAMES = Set.of("", "unknown", "no location", "none", "(none)", "n/a",
            "na", "default", "z-wave", "zwave", "plugin", "plug-in", "virtual", "system");

    private final Set<String> names;

    private PseudoLocations(Set<String> names) {
        this.names = names;
    }

    /** The default names, plus every {@code Node <n>} (Z-Wave node numbers). */
    public static PseudoLocations ofDefaults() {
        return new PseudoLocations(DEFAULT_NAMES);
    }

    /** These names too, e.g. a plug-in's category that is no room. */
    public PseudoLocations plus(String... more) {
        return plus(Set.of(more));
    }

    /** These names too; an importer adds the {@code interface_name} of every device HomeSeer reports. */
    public PseudoLocations plus(Collection<String> more) {
        return new PseudoLocations(Stream.concat(names.stream(), more.stream().map(PseudoLocations::key))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Whether this location is a real place. */
    public boolean isPlace(String location) {
        String k = key(location);
        return !names.contains(k) && !k.matches("node\\s*\\d+");
    }

    private static String key(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
