package io.piha.service.backup;

import java.util.Locale;
import java.util.Objects;

/**
 * One file of a backup of PiHA's own state.
 *
 * @param name its name in the archive: {@code state/<file>} or {@code audit/<file>}
 * @param kind what it holds, which decides how it is checked
 * @param size its length in bytes
 * @param sha256 the SHA-256 of its bytes, hex
 * @since 0.1
 */
public record BackupEntry(String name, Kind kind, long size, String sha256) {

    /** @throws NullPointerException if a component is null */
    public BackupEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** What a file of the state holds. */
    public enum Kind {
        /** A control plane's memory of one service ({@code arbiter-<service>.properties}): checked by loading it. */
        MEMORY("arbiter-", ".properties"),
        /** A switch's PoE safety ledger ({@code poe-ledger-<switch>}): checked by opening it. */
        LEDGER("poe-ledger-", ""),
        /** The incidents config sync waits on ({@code incidents-<service>.log}). */
        INCIDENTS("incidents-", ".log"),
        /** The audit trail, JSON lines, current and rotated: every line but a torn last one must parse. */
        AUDIT("", "");

        private final String prefix;
        private final String suffix;

        Kind(String prefix, String suffix) {
            this.prefix = prefix;
            this.suffix = suffix;
        }

        /** The kind of a file of the state directory by its name, if it is one a backup keeps. */
        static java.util.Optional<Kind> ofStateFile(String fileName) {
            if (fileName.contains(".before-restore-") || fileName.contains(".corrupt-")) {
                return java.util.Optional.empty();
            }
            for (Kind k : values()) {
                if (k != AUDIT && fileName.startsWith(k.prefix) && fileName.endsWith(k.suffix)
                        && fileName.length() > k.prefix.length() + k.suffix.length()) {
                    return java.util.Optional.of(k);
                }
            }
            return java.util.Optional.empty();
        }

        /** The word in the manifest. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
