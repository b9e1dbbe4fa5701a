package io.piha.service.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What {@code piha backup verify} found: every entry of the manifest present with its size and checksum, nothing
 * else in the archive, and every file readable by the code that owns its format.
 *
 * @param archive the archive
 * @param created when the backup was made, as its manifest says
 * @param entries the entries, with what each holds ("epoch 7, leader haos-primary", "12 audit entries")
 * @param problems what is wrong, one line each; empty when the archive can be restored
 * @since 0.1
 */
public record BackupVerification(Path archive, String created, Map<BackupEntry, String> entries,
                                 List<String> problems) {

    /** @throws NullPointerException if a component is null */
    public BackupVerification {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        problems = List.copyOf(problems);
    }

    /** Whether the archive can be restored. */
    public boolean sound() {
        return problems.isEmpty();
    }

    /**
     * Reads and checks {@code archive}; never throws for a damaged archive (that is a problem in the result).
     *
     * @throws UncheckedIOException if the archive cannot be read at all
     */
    public static BackupVerification of(Path archive, Instant now) {
        BackupArchive.Contents contents;
        try {
            contents = BackupArchive.read(archive);
        } catch (IllegalArgumentException e) {
            return new BackupVerification(archive, "", Map.of(), List.of(e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + archive + ": " + e.getMessage(), e);
        }
        Properties m = contents.manifest();
        List<String> problems = new ArrayList<>();
        if (!Integer.toString(BackupArchive.FORMAT).equals(m.getProperty("format"))) {
            problems.add("the manifest has format " + m.getProperty("format") + "; this PiHA reads format "
                    + BackupArchive.FORMAT);
            return new BackupVerification(archive, m.getProperty("created", ""), Map.of(), problems);
        }
        Map<BackupEntry, String> entries = new LinkedHashMap<>();
        Map<String, byte[]> unlisted = new LinkedHashMap<>(contents.files());
        for (int i = 0; m.containsKey("entry." + i + ".name"); i++) {
            BackupEntry e = entry(m, i, problems);
            if (e == null) {
                continue;
            }
            byte[] bytes = unlisted.remove(e.name());
            if (bytes == null) {
                problems.add(e.name() + " is listed in the manifest but missing from the archive");
            } else if (bytes.length != e.size() || !BackupArchive.sha256(bytes).equals(e.sha256())) {
                problems.add(e.name() + " does not match its checksum: the archive was damaged or edited");
            } else {
                try {
                    entries.put(e, BackupChecks.check(e.kind(), e.name(), bytes, now));
                } catch (IllegalArgumentException bad) {
                    problems.add(bad.getMessage());
                }
            }
        }
        unlisted.keySet().forEach(n -> problems.add(n + " is in the archive but not in its manifest"));
        return new BackupVerification(archive, m.getProperty("created", ""), entries, problems);
    }

    private static BackupEntry entry(Properties m, int i, List<String> problems) {
        String name = m.getProperty("entry." + i + ".name");
        try {
            BackupEntry.Kind kind = BackupEntry.Kind.valueOf(m.getProperty("entry." + i + ".kind", "").toUpperCase(
                    java.util.Locale.ROOT));
            BackupEntry e = new BackupEntry(name, kind, Long.parseLong(m.getProperty("entry." + i + ".size", "")),
                    m.getProperty("entry." + i + ".sha256", ""));
            if (!name.matches("(state|audit)/[^/\\\\]+") || name.contains("..")) {
                problems.add(name + " is not a name a backup writes (state/FILE or audit/FILE)");
                return null;
            }
            return e;
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add("manifest entry " + i + " (" + name + ") is unreadable: " + e.getMessage());
            return null;
        }
    }
}
