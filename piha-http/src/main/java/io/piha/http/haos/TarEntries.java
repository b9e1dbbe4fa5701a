package io.piha.http.haos;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a tar archive (ustar, pax and GNU long names, as Python's {@code tarfile} writes HAOS backups) entry by
 * entry, and refuses what is not whole: a header whose checksum is wrong, an entry cut short, an archive without
 * its end-of-archive block. Only the JDK; the outer HAOS archive is never compressed.
 */
final class TarEntries {

    private static final int BLOCK = 512;

    /** One regular file of the archive, its name without a leading {@code ./}. */
    record Entry(String name, long size, char type) {
        boolean isFile() {
            return type == '0' || type == '\0';
        }
    }

    /** What to do with an entry's content. */
    interface Visitor {
        /** Called for every entry; read at most {@code entry.size()} bytes from {@code content}. */
        void entry(Entry entry, InputStream content) throws IOException;
    }

    private TarEntries() {
    }

    /**
     * Walks every entry of the archive.
     *
     * @throws TarException if the archive is cut short or a header is damaged
     */
    static void walk(InputStream in, Visitor visitor) throws IOException {
        byte[] header = new byte[BLOCK];
        Optional<String> longName = Optional.empty();
        long offset = 0;
        while (true) {
            if (!readBlock(in, header)) {
                throw new TarException("the archive ends at byte " + offset + " without its end-of-archive block: "
                        + "it is cut short");
            }
            if (allZero(header)) {
                return;
            }
            checkSum(header, offset);
            long size = octal(header, 124, 12, offset);
            longName = entry(in, header, longName.orElseGet(() -> name(header)), size, offset, visitor);
            offset += BLOCK + (size + BLOCK - 1) / BLOCK * BLOCK;
        }
    }

    /** Reads one entry's content; returns the name a pax or GNU long-name entry gives the next entry. */
    private static Optional<String> entry(InputStream in, byte[] header, String name, long size, long offset,
                                          Visitor visitor) throws IOException {
        char type = (char) header[156];
        BoundedStream content = new BoundedStream(in, size);
        byte[] data = null;
        try {
            if (type == 'x' || type == 'L') {
                data = content.readAllBytes();
            } else {
                visitor.entry(new Entry(strip(name), size, type), content);
            }
        } catch (EOFException e) {
            throw new TarException("entry '" + name + "' (header at byte " + offset + ") is cut short: "
                    + e.getMessage());
        }
        content.skipRest(name, offset);
        skipPadding(in, size, name);
        if (type == 'x') {
            return paxPath(data);
        }
        return type == 'L' ? Optional.of(cString(data, 0, data.length)) : Optional.empty();
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new TarException("a header is cut short after " + n + " of " + BLOCK + " bytes");
        }
        return true;
    }

    private static void skipPadding(InputStream in, long size, String name) throws IOException {
        int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
        if (in.readNBytes(pad).length < pad) {
            throw new TarException("entry '" + name + "' is cut short in its padding");
        }
    }

    private static void checkSum(byte[] h, long offset) throws TarException {
        long stored = octal(h, 148, 8, offset);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : (h[i] & 0xff);
        }
        if (sum != stored) {
            throw new TarException("the header at byte " + offset + " is damaged (checksum " + stored
                    + ", computed " + sum + ")");
        }
    }

    private static long octal(byte[] h, int from, int length, long offset) throws TarException {
        if ((h[from] & 0x80) != 0) { // GNU base-256 for sizes over 8 GiB
            long v = h[from] & 0x7f;
            for (int i = from + 1; i < from + length; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        }
        String text = cString(h, from, length).trim();
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new TarException("the header at byte " + offset + " has a bad number '" + text + "': not a tar "
                    + "archive");
        }
    }

    private static String name(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = cString(h, 257, 6).startsWith("ustar");
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static Optional<String> paxPath(byte[] data) {
        for (String record : new String(data, StandardCharsets.UTF_8).split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return Optional.of(record.substring(space + 6));
            }
        }
        return Optional.empty();
    }

    private static String cString(byte[] b, int from, int length) {
        int end = from;
        while (end < from + length && b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }

    private static String strip(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /** The content of one entry: never reads past it, and knows when the archive ends inside it. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("the archive ends " + left + " bytes before the end of an entry");
            }
            left -= n;
            return n;
        }

        void skipRest(String name, long offset) throws IOException {
            try {
                while (left > 0 && read(new byte[8192], 0, 8192) > 0) {
                    // drain what the visitor did not read
                }
            } catch (EOFException e) {
                throw new TarException("entry '" + name + "' (header at byte " + offset + ") is cut short: "
                        + e.getMessage());
            }
        }
    }

    /** The archive is not a whole tar archive. */
    static final class TarException extends IOException {
        private static final long serialVersionUID = 1L;

        TarException(String message) {
            super(message);
        }
    }
}
