package io.piha.inventory.scan;

import io.piha.api.inventory.InventoryException;
import io.piha.inventory.RowRejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A network scan file, in either of the two shapes scanners write, told apart by the first character:
 * <ul>
 *   <li><b>JSON</b>: an array of {@code {"ip", "mac", "hostname"?, "vendor"?, "timestamp"?}}, or an object
 *       {@code {"scanned_at": ..., "devices": [...]}}, or a single such object (what Windows PowerShell 5.1's
 *       {@code ConvertTo-Json} writes for a one-element list);</li>
 *   <li><b>CSV</b> with a header row naming the columns {@code ip} and {@code mac}, and optionally
 *       {@code hostname}, {@code vendor} and {@code last seen} ({@link #CSV_COLUMNS} lists the other
 *       spellings accepted, such as {@code IPAddress} and {@code LinkLayerAddress}); comma, semicolon or tab
 *       separated, as the header shows; PowerShell's {@code #TYPE} line before the header is skipped.</li>
 * </ul>
 * The text may start with a byte order mark (UTF-8, or UTF-16 as Windows PowerShell's {@code Out-File} writes
 * it) and use CRLF line ends. Times are ISO-8601 with an offset, or .NET's {@code /Date(ms)/}. Rows are
 * validated one by one: a bad row (an unreadable MAC or IP, a MAC that is all zeros, broadcast or multicast,
 * one seen twice, an unreadable time) is rejected with its position, the bad value, the reason and the row as
 * written; the others are kept. A row without a time takes the file's {@code scanned_at}, else the file's
 * modification time, so importing the same file twice gives the same data. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ScanFile {

    /** The shape a scan file was read in. */
    public enum Format {
        /** A JSON array or object. */
        JSON,
        /** CSV with a header row. */
        CSV
    }

    /**
     * The columns a scan CSV may have, each with the header spellings accepted (compared ignoring case, spaces,
     * dashes and underscores). {@code ip} and {@code mac} are required.
     */
    public static final Map<String, List<String>> CSV_COLUMNS = ScanCsv.COLUMNS;

    private final Format format;
    private final List<ScanRow> rows;
    private final List<RowRejection> rejected;
    private final IntFunction<String> raw;

    /**
     * Scan rows built in code rather than read from a file (their raw text is their JSON form).
     *
     * @param rows the valid rows, in file order
     * @param rejected the refused rows
     */
    public ScanFile(List<ScanRow> rows, List<RowRejection> rejected) {
        this(Format.JSON, rows, rejected, null);
    }

    ScanFile(Format format, List<ScanRow> rows, List<RowRejection> rejected, IntFunction<String> raw) {
        this.format = Objects.requireNonNull(format, "format");
        this.rows = List.copyOf(rows);
        this.rejected = List.copyOf(rejected);
        this.raw = raw;
    }

    /**
     * Reads and validates a scan file.
     *
     * @throws InventoryException naming the file and position if it is neither scan JSON nor scan CSV
     * @throws UncheckedIOException naming the file if it cannot be read
     */
    public static ScanFile read(Path file) {
        try {
            return parse(decode(Files.readAllBytes(file), file.toString()), Files.getLastModifiedTime(file).toInstant(),
                    file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scan file " + file, e);
        }
    }

    /**
     * Validates scan text, JSON or CSV.
     *
     * @param fallbackTime the time of rows that carry none (and of a file with no {@code scanned_at})
     * @param name the file's name, for messages
     * @throws InventoryException naming the position if the text is neither scan JSON nor scan CSV
     */
    public static ScanFile parse(String text, Instant fallbackTime, String name) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String start = body.stripLeading();
        return start.startsWith("[") || start.startsWith("{")
                ? ScanJson.parse(body, fallbackTime, name)
                : ScanCsv.parse(body, fallbackTime, name);
    }

    /** The valid rows, in file order. */
    public List<ScanRow> rows() {
        return rows;
    }

    /** The refused rows, in file order. */
    public List<RowRejection> rejected() {
        return rejected;
    }

    /** Whether the file was JSON or CSV. */
    public Format format() {
        return format;
    }

    /** Where a row is, for people: {@code row 4} of a JSON scan, {@code line 7} of a CSV scan. */
    public String position(ScanRow row) {
        return (format == Format.CSV ? "line " : "row ") + row.row();
    }

    /** The row as the file wrote it. */
    public String raw(ScanRow row) {
        if (raw != null) {
            return raw.apply(row.row());
        }
        return "{\"ip\": \"" + row.ip() + "\", \"mac\": \"" + row.mac() + "\""
                + row.hostname().map(h -> ", \"hostname\": \"" + h.replace("\"", "\\\"") + "\"").orElse("") + "}";
    }

    /** The text of a file's bytes: UTF-8, or UTF-16 if a byte order mark says so. */
    static String decode(byte[] bytes, String name) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new InventoryException("scan file " + name + " is not " + charset + " text: save it as UTF-8"
                    + " (PowerShell: Out-File -Encoding utf8)");
        }
    }
}
