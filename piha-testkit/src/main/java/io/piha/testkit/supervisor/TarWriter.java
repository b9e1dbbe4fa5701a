package io.piha.testkit.supervisor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes ustar archives as Python's {@code tarfile} does for a HAOS backup: {@code ./}-prefixed names, octal
 * fields, header checksums, two zero blocks at the end, padded to a 10 KiB record.
 */
public final class TarWriter {

    private static final int BLOCK = 512;
    private static final int RECORD = 20 * BLOCK;

    private TarWriter() {
    }

    /** An archive of the given files, in the order given (use a {@link java.util.LinkedHashMap}). */
    public static byte[] archive(Map<String, byte[]> files, long mtimeSeconds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.forEach((name, content) -> {
            out.writeBytes(header(name, content.length, mtimeSeconds));
            out.writeBytes(content);
            out.writeBytes(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
        });
        out.writeBytes(new byte[2 * BLOCK]);
        out.writeBytes(new byte[(RECORD - out.size() % RECORD) % RECORD]);
        return out.toByteArray();
    }

    private static byte[] header(String name, long size, long mtime) {
        byte[] h = new byte[BLOCK];
        put(h, 0, name);
        put(h, 100, octal(0644, 7));
        put(h, 108, octal(0, 7));
        put(h, 116, octal(0, 7));
        put(h, 124, octal(size, 11));
        put(h, 136, octal(mtime, 11));
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, octal(sum, 6) + "\0 ");
        return h;
    }

    private static String octal(long value, int digits) {
        String s = Long.toOctalString(value);
        return "0".repeat(Math.max(0, digits - s.length())) + s;
    }

    private static void put(byte[] h, int at, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, at, b.length);
    }
}
