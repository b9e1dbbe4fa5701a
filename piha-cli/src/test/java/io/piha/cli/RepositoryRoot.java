package io.piha.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, for tests that check what users install and read (deploy/, docs/). */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /** The nearest directory above the working directory holding deploy/ and mvnw. */
    public static Path get() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no deploy/ above " + Path.of("").toAbsolutePath());
    }
}
