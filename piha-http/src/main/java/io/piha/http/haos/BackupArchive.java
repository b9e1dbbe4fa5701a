package io.piha.http.haos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that a downloaded HAOS backup is whole before it is staged: the outer archive is a tar that reads to its
 * end-of-archive block with every header's checksum right and no entry cut short, it holds {@code backup.json}, the
 * slug in there is the one asked for, and its size is the one the Supervisor gave (exactly with {@code size_bytes},
 * within the rounding of {@code size} in MB otherwise).
 *
 * @since 0.1
 */
public final class BackupArchive {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MB_ROUNDING = 6 * 1024 * 1024 / 1000; // size in MB is rounded to 2 places: 0.005 MB + slack

    private BackupArchive() {
    }

    /**
     * What the check found in a whole archive.
     *
     * @param slug the slug in {@code backup.json}
     * @param name the name in {@code backup.json}
     * @param entries how many entries the archive holds
     * @param bytes its size
     */
    public record Contents(String slug, String name, int entries, long bytes) {
    }

    /**
     * Verifies the archive at {@code file} against {@code expected}.
     *
     * @throws IOException naming what is wrong, if the archive is not whole or not the backup asked for
     */
    public static Contents verify(Path file, SupervisorBackup expected) throws IOException {
        long bytes = Files.size(file);
        if (expected.sizeBytes().isPresent()) {
            long want = expected.sizeBytes().getAsLong();
            long slack = expected.sizeExact() ? 0 : MB_ROUNDING;
            if (Math.abs(bytes - want) > slack) {
                throw new IOException("the archive has " + bytes + " bytes, the Supervisor said " + want
                        + (expected.sizeExact() ? "" : " (rounded from MB)"));
            }
        }
        JsonNode[] meta = new JsonNode[1];
        int[] entries = new int[1];
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            TarEntries.walk(in, (entry, content) -> {
                entries[0]++;
                if (entry.isFile() && entry.name().equals("backup.json")) {
                    meta[0] = JSON.readTree(content);
                }
            });
        }
        if (meta[0] == null) {
            throw new IOException("the archive has no backup.json: not a Home Assistant backup");
        }
        String slug = meta[0].path("slug").asText("");
        if (!slug.equals(expected.slug())) {
            throw new IOException("backup.json says slug '" + slug + "', asked for '" + expected.slug() + "'");
        }
        return new Contents(slug, meta[0].path("name").asText(""), entries[0], bytes);
    }
}
