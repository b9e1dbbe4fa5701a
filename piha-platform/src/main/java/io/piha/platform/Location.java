package io.piha.platform;

import java.util.Objects;

/**
 * Where a finding is: a path relative to the audited repository (forward slashes; a directory ends with
 * {@code /}) and a 1-based line, or line 0 when the finding concerns a whole file or directory.
 *
 * @param path the repository-relative path, never absolute, never empty
 * @param line the 1-based line, or 0 for the whole file
 * @since 0.1
 */
public record Location(String path, int line) implements Comparable<Location> {

    /** Validates the path and line. */
    public Location {
        Objects.requireNonNull(path, "path");
        if (path.isBlank() || path.startsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException("location path must be repository-relative with forward slashes: '"
                    + path + "'");
        }
        if (line < 0) {
            throw new IllegalArgumentException("location line must be 0 (whole file) or positive: " + line);
        }
    }

    /** A whole file or directory, without a line. */
    public static Location of(String path) {
        return new Location(path, 0);
    }

    /** Whether a line is known. */
    public boolean hasLine() {
        return line > 0;
    }

    /** {@code path:line}, or the path alone when no line is known. */
    @Override
    public String toString() {
        return hasLine() ? path + ":" + line : path;
    }

    /** By path, then line. */
    @Override
    public int compareTo(Location other) {
        int byPath = path.compareTo(other.path);
        return byPath != 0 ? byPath : Integer.compare(line, other.line);
    }
}
