package io.piha.inventory.oui;

import io.piha.api.inventory.MacAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who made a network card, from the IEEE registry (MA-L, MA-M and MA-S CSV files, as Debian's
 * {@code ieee-data} package ships them in {@code /usr/share/ieee-data}) or Wireshark's {@code manuf} file.
 * The longest matching prefix wins (36 over 28 over 24 bits). Locally administered MACs (randomised phone
 * MACs, virtual machines) never get a vendor: their first bytes are not a registered prefix. Immutable and
 * thread-safe once built.
 *
 * <pre>{@code
 * MacVendors vendors = MacVendors.builder().ieeeCsv(Path.of("/usr/share/ieee-data/oui.csv")).build();
 * vendors.lookup(MacAddress.parse("00:11:32:aa:bb:cc")); // Optional[Synology Incorporated]
 * }</pre>
 *
 * @since 0.1
 */
public final class MacVendors {

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
         * Adds an IEEE registry CSV ({@code Registry,Assignment,Organization Name,Organization Address}); the
         * registry column (MA-L, MA-M, MA-S) or the assignment's length gives the prefix length.
         *
         * @throws UncheckedIOException naming the file if it cannot be read
         * @throws IllegalArgumentException naming the file and line if a row is not a registry row
         */
        public Builder ieeeCsv(Path file) {
            List<String> lines = read(file);
            for (int i = 1; i < lines.size(); i++) {
                int first = i;
                String line = lines.get(i);
                // RFC 4180: a quoted cell may span lines (IEEE's addresses do, e.g. "160 E Tasman Dr\nSTE 102 ...")
                while (line.chars().filter(c -> c == '"').count() % 2 == 1 && i + 1 < lines.size()) {
                    line = line + "\n" + lines.get(++i);
                }
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = csv(line);
                if (cells.size() < 3) {
                    throw new IllegalArgumentException(file + " line " + (first + 1) + ": expected Registry,Assignment,"
                            + "Organization Name,... but got '" + line + "'");
                }
                String hex = cells.get(1).strip();
                put(file, first + 1, hex, hex.length() * 4, cells.get(2).strip());
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
            List<String> lines = read(file);
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

        private static List<String> read(Path file) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return r.lines().toList();
            } catch (IOException | UncheckedIOException e) {
                throw new UncheckedIOException("cannot read MAC vendor file " + file,
                        e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
            }
        }

        static List<String> csv(String line) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            return cells;
        }
    }
}
