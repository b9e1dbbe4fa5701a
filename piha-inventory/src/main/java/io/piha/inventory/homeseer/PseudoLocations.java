package io.piha.inventory.homeseer;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Location names that are not places: blanks, HomeSeer's placeholders, and names plug-ins invent such as
 * {@code Z-Wave} / {@code Node 122}. Devices in a pseudo-location get no zone at that level. Immutable.
 *
 * @since 0.1
 */
public final class PseudoLocations {

    /** The names treated as no location, compared case-insensitively. */
    public static final Set<String> DEFAULT_NAMES = Set.of("", "unknown", "no location", "none", "(none)", "n/a",
            "na", "default", "z-wave", "zwave", "plugin", "plug-in", "virtual", "system");

    private final Set<String> names;

    private PseudoLocations(Set<String> names) {
        this.names = names;
    }

    /** The default names, plus every {@code Node <n>} (plug-in node numbers). */
    public static PseudoLocations ofDefaults() {
        return new PseudoLocations(DEFAULT_NAMES);
    }

    /** The defaults plus these names. */
    public PseudoLocations plus(String... more) {
        return new PseudoLocations(Stream.concat(names.stream(), Stream.of(more).map(PseudoLocations::key))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Whether this location is a real place. */
    public boolean isPlace(String location) {
        String k = key(location);
        return !names.contains(k) && !k.matches("node \\d+");
    }

    private static String key(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
