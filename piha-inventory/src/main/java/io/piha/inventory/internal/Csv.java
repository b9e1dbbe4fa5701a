package io.piha.inventory.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV reader of the inventory: RFC 4180 records, as the IEEE registry files and scanner exports are
 * written. A quoted field may hold the delimiter, doubled quotes ({@code ""} is one quote) and line breaks, so
 * a record may span several lines (Debian's {@code oui.csv} ends records with CRLF and breaks addresses inside
 * quotes with a bare LF). Records end with CRLF, LF or CR; a UTF-8 byte order mark before the first record is
 * skipped; a line with nothing on it is no record. A quote inside an unquoted field is kept as it is (real
 * files have them: {@code 12" rack}). Stateless and thread-safe.
 */
public final class Csv {

    private static final char BOM = '\uFEFF';

    private Csv() {
    }

    /**
     * One record.
     *
     * @param line the 1-based line it starts on
     * @param fields its fields, unquoted
     * @param raw the record as written, without its line terminator
     */
    public record Record(int line, List<String> fields, String raw) {

        /** Copies the list. */
        public Record {
            fields = List.copyOf(fields);
        }

        /** The field at {@code index}, or an empty string if the record is shorter. */
        public String field(int index) {
            return index < fields.size() ? fields.get(index) : "";
        }
    }

    /**
     * Reads every record of a text.
     *
     * @param delimiter the field separator, e.g. {@code ','} or {@code ';'}
     * @throws IllegalArgumentException naming the line if a quoted field is never closed, or a closing quote is
     *                                  followed by something other than a delimiter or the end of the record
     */
    public static List<Record> read(CharSequence text, char delimiter) {
        List<Record> records = new ArrayList<>();
        Cursor c = new Cursor(text, delimiter);
        if (c.pos < text.length() && text.charAt(c.pos) == BOM) {
            c.pos++;
        }
        while (c.pos < text.length()) {
            int startLine = c.line;
            int start = c.pos;
            List<String> fields = c.record();
            String raw = text.subSequence(start, c.recordEnd).toString();
            if (!(fields.size() == 1 && fields.get(0).isEmpty() && raw.isEmpty())) {
                records.add(new Record(startLine, fields, raw));
            }
        }
        return records;
    }

    /** The delimiter a header line uses: the first of {@code , ; TAB} it contains, else a comma. */
    public static char delimiterOf(String headerLine) {
        for (char d : new char[] {',', ';', '\t'}) {
            if (headerLine.indexOf(d) >= 0) {
                return d;
            }
        }
        return ',';
    }

    /** Walks the text one record at a time. */
    private static final class Cursor {
        private final CharSequence text;
        private final char delimiter;
        private int pos;
        private int line = 1;
        private int recordEnd;

        Cursor(CharSequence text, char delimiter) {
            this.text = text;
            this.delimiter = delimiter;
        }

        /** Reads one record and steps past its terminator. */
        List<String> record() {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                if (pos < text.length() && text.charAt(pos) == '"' && field.isEmpty()) {
                    quoted(field);
                }
                if (pos >= text.length()) {
                    recordEnd = pos;
                    fields.add(field.toString());
                    return fields;
                }
                char ch = text.charAt(pos);
                if (ch == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                    pos++;
                } else if (ch == '\r' || ch == '\n') {
                    recordEnd = pos;
                    pos += ch == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n' ? 2 : 1;
                    line++;
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append(ch);
                    pos++;
                }
            }
        }

        /** Reads a quoted field from its opening quote up to (not past) what follows its closing quote. */
        private void quoted(StringBuilder field) {
            int openedOn = line;
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw new IllegalArgumentException("line " + openedOn + ": a quoted field is never closed");
                }
                char ch = text.charAt(pos++);
                if (ch == '"' && pos < text.length() && text.charAt(pos) == '"') {
                    field.append('"');
                    pos++;
                } else if (ch == '"') {
                    break;
                } else {
                    if (ch == '\n' || ch == '\r' && !(pos < text.length() && text.charAt(pos) == '\n')) {
                        line++;
                    }
                    field.append(ch);
                }
            }
            if (pos < text.length() && text.charAt(pos) != delimiter && text.charAt(pos) != '\r'
                    && text.charAt(pos) != '\n') {
                throw new IllegalArgumentException("line " + line + ": '" + text.charAt(pos)
                        + "' after the closing quote of a field (write a quote inside quotes as \"\")");
            }
        }
    }
}
