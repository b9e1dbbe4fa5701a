package io.piha.inventory.scan;

import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.MacAddress;
import io.piha.inventory.RowRejection;
import io.piha.inventory.internal.DotNetDates;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** Validates scan rows one by one, whatever the file's shape, and collects the accepted and the refused. */
final class ScanRows {

    private static final String ZERO = "00:00:00:00:00:00";
    private static final String BROADCAST = "ff:ff:ff:ff:ff:ff";

    private final ScanFile.Format format;
    private final List<Pending> accepted = new ArrayList<>();
    private final List<RowRejection> rejected = new ArrayList<>();
    private final Map<MacAddress, Integer> firstRow = new HashMap<>();

    ScanRows(ScanFile.Format format) {
        this.format = format;
    }

    /** One row's fields as the file gave them (blank or null for absent); {@code raw} gives the row as written. */
    void add(int position, String mac, String ip, String hostname, String vendor, String time, Supplier<String> raw) {
        String label = label(position);
        String value = mac == null ? "" : mac;
        try {
            MacAddress m = mac(mac);
            value = ip == null ? "" : ip;
            IpAddress address = IpAddress.parse(required(ip, "ip"));
            value = hostname == null ? "" : hostname;
            Optional<String> host = optional(hostname);
            if (host.isPresent() && (host.get().length() > 253 || host.get().chars().anyMatch(Character::isISOControl))) {
                throw new IllegalArgumentException("hostname '" + host.get() + "' is not a host name");
            }
            value = time == null ? "" : time;
            Optional<Instant> seen = optional(time).map(ScanRows::time);
            Integer first = firstRow.putIfAbsent(m, position);
            if (first != null) {
                rejected.add(new RowRejection(label, m.value(), "MAC already seen at " + label(first)
                        + " of this scan", raw.get()));
                return;
            }
            accepted.add(new Pending(position, m, address, host, optional(vendor), seen));
        } catch (IllegalArgumentException e) {
            rejected.add(new RowRejection(label, value, e.getMessage(), raw.get()));
        }
    }

    /** A row that is not even a row (a JSON element that is not an object). */
    void refuse(int position, String value, String reason, String raw) {
        rejected.add(new RowRejection(label(position), value, reason, raw));
    }

    /** The file, rows without a time taking {@code fileTime}. */
    ScanFile finish(Instant fileTime, IntFunction<String> raw) {
        List<ScanRow> rows = accepted.stream().map(p -> new ScanRow(p.position(), p.mac(), p.ip(), p.hostname(),
                p.vendor(), p.seen().orElse(fileTime))).toList();
        return new ScanFile(format, rows, rejected, raw);
    }

    private String label(int position) {
        return (format == ScanFile.Format.CSV ? "line " : "row ") + position;
    }

    private static MacAddress mac(String text) {
        MacAddress mac = MacAddress.parse(required(text, "mac"));
        if (mac.value().equals(ZERO)) {
            throw new IllegalArgumentException("MAC " + ZERO + " is all zeros: an address the scanner did not resolve"
                    + " (an incomplete ARP entry), not a device");
        }
        if (mac.value().equals(BROADCAST)) {
            throw new IllegalArgumentException("MAC " + BROADCAST + " is the broadcast address, not a device");
        }
        if (mac.isMulticast()) {
            throw new IllegalArgumentException("MAC " + mac + " is a multicast address, not a device");
        }
        return mac;
    }

    /** An ISO-8601 time with an offset, or .NET's {@code /Date(ms)/}. */
    static Instant time(String text) {
        if (DotNetDates.matches(text)) {
            return DotNetDates.parse(text).orElseThrow(() ->
                    new IllegalArgumentException("time '" + text + "' is .NET's 'never' (DateTime.MinValue)"));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("time '" + text + "' is not an ISO-8601 time with an offset"
                        + " (2026-03-01T10:15:00Z) or /Date(milliseconds)/", again);
            }
        }
    }

    private static String required(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return text.strip();
    }

    private static Optional<String> optional(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    /** A valid row whose time may still come from the file. */
    private record Pending(int position, MacAddress mac, IpAddress ip, Optional<String> hostname,
                           Optional<String> vendor, Optional<Instant> seen) {
    }
}
