package io.piha.inventory.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.piha.api.inventory.IpAddress;
import io.piha.api.inventory.MacAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into {@code COPY ... FROM STDIN (FORMAT binary)}. The server stores the values as sent, where the
 * text and CSV formats make it parse every timestamp, UUID and address from text: on a 100,000-row import that
 * parsing is a third of the COPY. Each value is written in the type's binary wire format (PostgreSQL's
 * {@code *_send}/{@code *_recv} functions); the caller declares each row's field count and writes exactly that
 * many values in the statement's column order.
 *
 * <pre>{@code
 * try (BinaryCopy copy = BinaryCopy.start(handle, "COPY t (id, name) FROM STDIN (FORMAT binary)")) {
 *     copy.row(2).uuid(id).text(name);
 *     long rows = copy.finish();
 * }
 * }</pre>
 *
 * Closing a copy that was not finished cancels it, so the statement fails and writes nothing. Not thread-safe.
 */
public final class BinaryCopy implements AutoCloseable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** Bytes buffered before they are sent. */
    private static final int FLUSH_AT = 1 << 16;
    /** Microseconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for timestamps. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    /** {@code PGSQL_AF_INET} and {@code PGSQL_AF_INET6} of PostgreSQL's inet wire format. */
    private static final byte AF_INET = 2;
    private static final byte AF_INET6 = 3;
    private static final byte JSONB_VERSION = 1;
    private static final HexFormat HEX = HexFormat.of();
    private static final JsonFactory JSON = new JsonFactory();

    private final CopyIn copy;
    private final String sql;
    /** Appends what a JSON generator writes to the buffer. */
    private final OutputStream sink = new OutputStream() {
        @Override
        public void write(int b) {
            ensure(1);
            buffer[length++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int from, int count) {
            BinaryCopy.this.write(bytes, from, count);
        }
    };
    private byte[] buffer = new byte[FLUSH_AT + 1024];
    private int length;
    private int fieldsLeft;
    private long rows;

    private BinaryCopy(CopyIn copy, String sql) {
        this.copy = copy;
        this.sql = sql;
        write(SIGNATURE, 0, SIGNATURE.length);
        putInt(0); // flags
        putInt(0); // header extension length
    }

    /**
     * Starts {@code sql}, a {@code COPY ... FROM STDIN (FORMAT binary)} statement, on the handle's connection.
     *
     * @throws SQLException if the server refuses the statement
     */
    public static BinaryCopy start(Handle handle, String sql) throws SQLException {
        Objects.requireNonNull(sql, "sql");
        CopyIn copy = handle.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        return new BinaryCopy(copy, sql);
    }

    /**
     * Begins a row of {@code fields} values.
     *
     * @throws SQLException if sending the previous rows failed
     * @throws IllegalStateException if the previous row is incomplete
     */
    public BinaryCopy row(int fields) throws SQLException {
        if (fieldsLeft != 0) {
            throw new IllegalStateException("a row of " + sql + " is " + fieldsLeft + " value(s) short");
        }
        if (length >= FLUSH_AT) {
            flush();
        }
        putShort(fields);
        fieldsLeft = fields;
        rows++;
        return this;
    }

    /** A NULL. */
    public BinaryCopy nul() {
        field(-1);
        return this;
    }

    /** An {@code integer}. */
    public BinaryCopy int4(int value) {
        field(4);
        putInt(value);
        return this;
    }

    /** A {@code uuid}. */
    public BinaryCopy uuid(UUID value) {
        field(16);
        putLong(value.getMostSignificantBits());
        putLong(value.getLeastSignificantBits());
        return this;
    }

    /** A {@code text} (or a domain over it); {@code null} writes NULL. */
    public BinaryCopy text(String value) {
        if (value == null) {
            return nul();
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        field(utf8.length);
        write(utf8, 0, utf8.length);
        return this;
    }

    /** A {@code jsonb} from its JSON text, which the server checks as it would the text format. */
    public BinaryCopy jsonb(String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        field(utf8.length + 1);
        ensure(1);
        buffer[length++] = JSONB_VERSION;
        write(utf8, 0, utf8.length);
        return this;
    }

    /**
     * A {@code jsonb} that {@code document} writes straight into the row, with no string in between; the server
     * parses it as it would the text format.
     *
     * @throws UncheckedIOException if the document cannot be written (the copy should then be abandoned)
     */
    public BinaryCopy jsonb(JsonDocument document) {
        return document(true, document);
    }

    /**
     * A {@code json} that {@code document} writes straight into the row; the server checks it and stores it as
     * written (the type's wire format is its text).
     *
     * @throws UncheckedIOException if the document cannot be written (the copy should then be abandoned)
     */
    public BinaryCopy json(JsonDocument document) {
        return document(false, document);
    }

    /** A {@code timestamptz}, to the microsecond (nanoseconds rounded half to even, as the text input rounds them). */
    public BinaryCopy timestamptz(Instant value) {
        int nanos = value.getNano();
        long fraction = nanos / 1_000;
        int rest = nanos % 1_000;
        if (rest > 500 || rest == 500 && (fraction & 1) == 1) {
            fraction++;
        }
        long micros = Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L), fraction);
        field(8);
        putLong(micros - PG_EPOCH_MICROS);
        return this;
    }

    /** A {@code macaddr}. */
    public BinaryCopy macaddr(MacAddress value) {
        byte[] bytes = HEX.parseHex(value.value().replace(":", ""));
        field(bytes.length);
        write(bytes, 0, bytes.length);
        return this;
    }

    /** An {@code inet} holding one host address (a /32 or a /128). */
    public BinaryCopy inet(IpAddress value) {
        byte[] address = value.bytes();
        field(4 + address.length);
        ensure(4);
        buffer[length++] = address.length == 4 ? AF_INET : AF_INET6;
        buffer[length++] = (byte) (address.length * 8); // prefix bits
        buffer[length++] = 0; // not cidr
        buffer[length++] = (byte) address.length;
        write(address, 0, address.length);
        return this;
    }

    /**
     * Sends the rest and ends the copy.
     *
     * @return the rows the server stored
     * @throws SQLException if the server refuses a row (the statement then wrote nothing)
     * @throws IllegalStateException if the last row is incomplete
     */
    public long finish() throws SQLException {
        if (fieldsLeft != 0) {
            throw new IllegalStateException("the last row of " + sql + " is " + fieldsLeft + " value(s) short");
        }
        putShort(-1); // trailer
        flush();
        long stored = copy.endCopy();
        if (stored != rows) {
            throw new IllegalStateException(sql + " stored " + stored + " of " + rows + " rows");
        }
        return stored;
    }

    /** The rows begun so far. */
    public long rows() {
        return rows;
    }

    /** Writes one JSON value with a Jackson generator (which the copy closes afterwards). */
    @FunctionalInterface
    public interface JsonDocument {

        /**
         * Writes the value.
         *
         * @throws IOException if the generator refuses what is written
         */
        void write(JsonGenerator json) throws IOException;
    }

    /** Cancels the copy unless it finished. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private BinaryCopy document(boolean binaryJson, JsonDocument document) {
        field(0);
        int sizeAt = length - 4;
        if (binaryJson) {
            ensure(1);
            buffer[length++] = JSONB_VERSION;
        }
        try (JsonGenerator json = JSON.createGenerator(sink)) {
            document.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a JSON value of " + sql, e);
        }
        setInt(sizeAt, length - sizeAt - 4);
        return this;
    }

    private void field(int size) {
        if (fieldsLeft-- <= 0) {
            throw new IllegalStateException("more values than declared in a row of " + sql);
        }
        putInt(size);
    }

    private void flush() throws SQLException {
        copy.writeToCopy(buffer, 0, length);
        length = 0;
    }

    private void putShort(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void putInt(int value) {
        ensure(4);
        setInt(length, value);
        length += 4;
    }

    private void setInt(int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    private void write(byte[] bytes, int from, int count) {
        ensure(count);
        System.arraycopy(bytes, from, buffer, length, count);
        length += count;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
