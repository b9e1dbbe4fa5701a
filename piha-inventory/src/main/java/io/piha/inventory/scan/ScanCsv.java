package io.piha.inventory.scan;

import io.piha.api.inventory.InventoryException;
import io.piha.inventory.internal.Csv;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads scan CSV: a header row, then one result per record. Columns are found by name, whatever their order;
 * other columns are ignored.
 */
final class ScanCsv {

    /**
     * The columns a scan CSV may have, each with the header spellings accepted (compared ignoring case, spaces,
     * dashes and underscores): what {@code arp-scan} wrappers, Angry IP Scanner, Advanced IP Scanner and
     * PowerShell's {@code Get-NetNeighbor | Export-Csv} write. {@code ip} and {@code mac} are required.
     */
    static final Map<String, List<String>> COLUMNS = Collections.unmodifiableMap(columns());

    private static final String TYPE_LINE = "#TYPE ";

    private ScanCsv() {
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("ip", List.of("ip", "ipaddress", "ipv4", "ipv4address", "address"));
        m.put("mac", List.of("mac", "macaddress", "linklayeraddress", "hwaddress", "physicaladdress"));
        m.put("hostname", List.of("hostname", "host", "name", "dnsname"));
        m.put("vendor", List.of("vendor", "manufacturer"));
        m.put("last seen", List.of("lastseen", "timestamp", "seen", "time"));
        return m;
    }

    static ScanFile parse(String text, Instant fallbackTime, String name) {
        String body = text;
        int skipped = 0;
        if (body.startsWith(TYPE_LINE)) {
            // Windows PowerShell 5.1's Export-Csv writes the object type first unless told -NoTypeInformation
            int eol = body.indexOf('\n');
            body = eol < 0 ? "" : body.substring(eol + 1);
            skipped = 1;
        }
        String headerLine = body.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        List<Csv.Record> records;
        try {
            records = Csv.read(body, Csv.delimiterOf(headerLine));
        } catch (IllegalArgumentException e) {
            throw new InventoryException("scan file " + name + ": " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new InventoryException("scan file " + name + " is empty: expected a JSON array of results, or CSV"
                    + " with a header row (ip, mac, hostname, vendor, last seen)");
        }
        Map<String, Integer> at = header(records.get(0), name);
        ScanRows rows = new ScanRows(ScanFile.Format.CSV);
        Map<Integer, String> raw = new HashMap<>();
        int offset = skipped;
        for (Csv.Record r : records.subList(1, records.size())) {
            int line = r.line() + offset;
            raw.put(line, r.raw());
            rows.add(line, field(r, at, "mac"), field(r, at, "ip"), field(r, at, "hostname"), field(r, at, "vendor"),
                    field(r, at, "last seen"), r::raw);
        }
        return rows.finish(fallbackTime, raw::get);
    }

    /** Where each known column is; {@code ip} and {@code mac} must be there. */
    private static Map<String, Integer> header(Csv.Record header, String name) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String key = header.fields().get(i).toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
            for (Map.Entry<String, List<String>> c : COLUMNS.entrySet()) {
                if (c.getValue().contains(key)) {
                    at.putIfAbsent(c.getKey(), i);
                }
            }
        }
        if (!at.containsKey("ip") || !at.containsKey("mac")) {
            throw new InventoryException("scan file " + name + " line " + header.line() + ": expected a JSON array of"
                    + " results, or CSV whose header names the columns ip and mac (and optionally hostname, vendor,"
                    + " last seen), but the first line is '" + header.raw() + "'");
        }
        return at;
    }

    private static String field(Csv.Record r, Map<String, Integer> at, String column) {
        Integer i = at.get(column);
        return i == null ? null : r.field(i);
    }
}
