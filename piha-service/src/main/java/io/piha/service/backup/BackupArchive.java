package io.piha.service.backup;

import io.piha.api.io.DurableFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The archive of a backup: a zip whose first entry, {@code MANIFEST.properties}, lists every other entry with its
 * kind, size and SHA-256, and says what the state held (epoch and leader of each service). Written to a temporary
 * file, forced, and renamed into place, so an archive that exists is whole.
 */
final class BackupArchive {

    static final String MANIFEST = "MANIFEST.properties";
    static final int FORMAT = 1;

    private BackupArchive() {
    }

    /** Writes {@code files} (name to bytes) with a manifest of {@code header} and the entries' checksums. */
    static void write(Path archive, Map<String, String> header, Map<BackupEntry, byte[]> files) throws IOException {
        Properties manifest = new Properties();
        manifest.put("format", Integer.toString(FORMAT));
        manifest.putAll(header);
        int i = 0;
        for (BackupEntry e : files.keySet()) {
            manifest.put("entry." + i + ".name", e.name());
            manifest.put("entry." + i + ".kind", e.kind().wire());
            manifest.put("entry." + i + ".size", Long.toString(e.size()));
            manifest.put("entry." + i++ + ".sha256", e.sha256());
        }
        StringWriter text = new StringWriter();
        manifest.store(text, "PiHA state backup: check it with 'piha backup verify FILE'");
        Path dir = archive.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + archive.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream raw = Channels.newOutputStream(ch);
                ZipOutputStream zip = new ZipOutputStream(raw);
                put(zip, MANIFEST, text.toString().getBytes(StandardCharsets.ISO_8859_1));
                for (Map.Entry<BackupEntry, byte[]> f : files.entrySet()) {
                    put(zip, f.getKey().name(), f.getValue());
                }
                zip.finish();
                zip.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            DurableFiles.forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** The manifest and every entry's bytes, in archive order. */
    record Contents(Properties manifest, Map<String, byte[]> files) {
    }

    /**
     * Reads an archive whole.
     *
     * @throws IllegalArgumentException naming the archive if it is not a zip or has no manifest first
     */
    static Contents read(Path archive) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Properties manifest = null;
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = readEntry(zip);
                if (manifest == null) {
                    if (!e.getName().equals(MANIFEST)) {
                        throw new IllegalArgumentException(archive + " is not a PiHA backup: its first entry is "
                                + e.getName() + ", not " + MANIFEST);
                    }
                    manifest = new Properties();
                    manifest.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
                } else if (files.put(e.getName(), bytes) != null) {
                    throw new IllegalArgumentException(archive + " holds " + e.getName() + " twice");
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(archive + " is not a readable zip archive: " + e.getMessage(), e);
        }
        if (manifest == null) {
            throw new IllegalArgumentException(archive + " is not a PiHA backup: it is empty or not a zip archive");
        }
        return new Contents(manifest, files);
    }

    private static byte[] readEntry(ZipInputStream zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        zip.transferTo(out);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
