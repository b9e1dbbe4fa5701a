package io.piha.inventory.oui;

import io.piha.api.inventory.MacAddress;
import io.piha.inventory.internal.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who made a network card, from the IEEE registry (MA-L, MA-M, MA-S and IAB CSV files, as Debian's
 * {@code ieee-data} package ships them in {@code /usr/share/ieee-data}) or Wireshark's {@code manuf} file.
 * The longest matching prefix wins (36 over 28 over 24 bits). Locally administered MACs (randomised phone
 * MACs, virtual machines) never get a vendor: their first bytes are not a registered prefix. Immutable and
 * thread-safe once built.
 *
 * <pre>{@code
 * MacVendors vendors = MacVendors.builder().ieeeDirectory(MacVendors.DEBIAN_DIRECTORY).build();
 * vendors.lookup(MacAddress.parse("00:11:32:aa:bb:cc")); // Optional[Synology Incorporated]
 * }</pre>
 *
 * @since 0.1
 */
public final class MacVendors {

    /** Where Debian's {@code ieee-data} package installs the IEEE registry. */
    public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/ieee-data");

    /** The registry files {@link Builder#ieeeDirectory} reads: MA-L, MA-M, MA-S and IAB, as Debian names them. */
    public static final List<String> REGISTRY_FILES = List.of("oui.csv", "mam.csv", "oui36.csv", "iab.csv");

    // names in the registry that are not a maker: kept private, or a block the IEEE subdivides itself
    private static final Set<String> NOT_A_VENDOR = Set.of("Private", "IEEE Registration Authority");

    /** A lookup that knows no vendor at all. */
    public static final MacVendors NONE = new MacVendors(new TreeMap<>());

    // prefix length in bits, longest first -> prefix value -> organisation
    private final TreeMap<Integer, Map<Long, String>> byLength;

    private MacVendors(TreeMap<Integer, Map<Long, String>> byLength) {
        this.byLength = byLength;
    }

    /** A builder that reads one or more registry files. */
    public static Builder builder() {
        return new Builder();
    }

    /** The vendor registered for the MAC's longest matching prefix; empty for locally administered MACs. */
    public Optional<String> lookup(MacAddress mac) {
        if (mac.isLocallyAdministered()) {
            return Optional.empty();
        }
        long value = Long.parseLong(mac.value().replace(":", ""), 16);
        for (Map.Entry<Integer, Map<Long, String>> e : byLength.entrySet()) {
            String vendor = e.getValue().get(value >>> (48 - e.getKey()));
            if (vendor != null) {
                return Optional.of(vendor);
            }
        }
        return Optional.empty();
    }

    /** How many prefixes are known. */
    public int size() {
        return byLength.values().stream().mapToInt(Map::size).sum();
    }

    /** Reads registry files; not thread-safe. */
    public static final class Builder {

        private final TreeMap<Integer, Map<Long, String>> byLength = new TreeMap<>((a, b) -> b - a);

        private Builder() {
        }

        /**
         * Adds an IEEE registry CSV as the IEEE publishes it and Debian's {@code ieee-data} ships it
         * ({@code Registry,Assignment,Organization Name,Organization Address}; RFC 4180, so an address may span
         * lines inside quotes). The assignment's length gives the prefix length: 6 hex digits for MA-L, 7 for
         * MA-M, 9 for MA-S and IAB. Assignments registered as {@code Private}, and the blocks the IEEE
         * Registration Authority keeps for itself (then hands out as MA-M, MA-S or IAB), name no vendor and are
         * skipped.
         *
         * @throws UncheckedIOException naming the file if it cannot be read
         * @throws IllegalArgumentException naming the file and line if the file is not a registry file or a row
         *                                  is not a registry row
         */
        public Builder ieeeCsv(Path file) {
            List<Csv.Record> records;
            try {
                records = Csv.read(read(file), ',');
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " " + e.getMessage(), e);
            }
            if (records.isEmpty() || !records.get(0).field(0).strip().equalsIgnoreCase("Registry")
                    || !records.get(0).field(1).strip().equalsIgnoreCase("Assignment")) {
                throw new IllegalArgumentException(file + " line 1: expected the IEEE registry header"
                        + " 'Registry,Assignment,Organization Name,Organization Address'");
            }
            for (Csv.Record r : records.subList(1, records.size())) {
                if (r.fields().size() < 3) {
                    throw new IllegalArgumentException(file + " line " + r.line() + ": expected Registry,Assignment,"
                            + "Organization Name,... but got '" + r.raw() + "'");
                }
                String hex = r.field(1).strip();
                String vendor = r.field(2).strip();
                if (!NOT_A_VENDOR.contains(vendor)) {
                    put(file, r.line(), hex, hex.length() * 4, vendor);
                }
            }
            return this;
        }

        /**
         * Adds every registry file of a directory laid out as Debian's {@code ieee-data} package lays out
         * {@code /usr/share/ieee-data}: {@code oui.csv} (MA-L), {@code mam.csv} (MA-M), {@code oui36.csv}
         * (MA-S) and {@code iab.csv} (IAB), each if present.
         *
         * @throws UncheckedIOException naming a file that is present but cannot be read
         */
        public Builder ieeeDirectory(Path directory) {
            for (String name : REGISTRY_FILES) {
                Path file = directory.resolve(name);
                if (Files.isRegularFile(file)) {
                    ieeeCsv(file);
                }
            }
            return this;
        }

        /**
         * Adds a Wireshark {@code manuf} file ({@code 00:00:0C<TAB>Cisco<TAB>Cisco Systems, Inc}, with
         * {@code /28} or {@code /36} suffixes for longer prefixes). The long name is used when present.
         *
         * @throws UncheckedIOException naming the file if it cannot be read
         */
        public Builder wiresharkManuf(Path file) {
            List<String> lines = read(file).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length < 2) {
                    continue;
                }
                String prefix = parts[0].strip();
                int bits = 24;
                int slash = prefix.indexOf('/');
                if (slash >= 0) {
                    bits = Integer.parseInt(prefix.substring(slash + 1));
                    prefix = prefix.substring(0, slash);
                }
                String hex = prefix.replace(":", "").replace("-", "").replace(".", "");
                String name = parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : parts[1].strip();
                put(file, i + 1, hex.substring(0, Math.min(hex.length(), (bits + 3) / 4)), bits, name);
            }
            return this;
        }

        /** An immutable lookup over everything read so far. */
        public MacVendors build() {
            TreeMap<Integer, Map<Long, String>> copy = new TreeMap<>(byLength.comparator());
            byLength.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
            return new MacVendors(copy);
        }

        private void put(Path file, int line, String hex, int bits, String vendor) {
            if (bits <= 0 || bits > 48 || hex.isEmpty() || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new IllegalArgumentException(file + " line " + line + ": '" + hex + "' is not a MAC prefix");
            }
            long value = Long.parseLong(hex.toLowerCase(Locale.ROOT), 16) >>> Math.max(0, hex.length() * 4 - bits);
            byLength.computeIfAbsent(bits, b -> new HashMap<>()).put(value, vendor);
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read MAC vendor file " + file, e);
            }
        }
    }
}
