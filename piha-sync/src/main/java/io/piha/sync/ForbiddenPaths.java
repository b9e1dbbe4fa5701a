package io.piha.sync;

import io.piha.sync.internal.Glob;
import io.piha.sync.internal.SecretsFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Paths that must never reach a standby. A commit that adds or changes one is refused, and the alert names
 * the path. Deleting such a file is allowed. Immutable and thread-safe.
 *
 * <p>By default: the instance's identity and credentials ({@code .storage/**}, notably {@code core.uuid},
 * {@code auth}, {@code core.config_entries}), Nabu Casa cloud keys ({@code .cloud/**}), databases
 * ({@code home-assistant_v2.db} and any {@code *.db}, {@code *.db-wal}, {@code *.db.corrupt...}), logs,
 * SSH keys, and any {@code secrets.yaml} holding real values (see {@link SecretsFile} for the placeholder
 * rule).
 *
 * @since 0.1
 */
public final class ForbiddenPaths {

    /** The default globs; see the class comment. */
    public static final List<String> DEFAULT_GLOBS = List.of(
            ".storage/**", ".cloud/**",
            "**/*.db", "**/*.db-*", "**/*.db.*",
            "**/*.log", "**/*.log.*",
            "**/.ssh/**");
    /** Secrets files whose content is checked for real values. */
    public static final String SECRETS_GLOB = "**/secrets.yaml";

    private static final Glob SECRETS = Glob.of(SECRETS_GLOB);

    private final List<Glob> globs;
    private final boolean checkSecrets;

    private ForbiddenPaths(List<Glob> globs, boolean checkSecrets) {
        this.globs = List.copyOf(globs);
        this.checkSecrets = checkSecrets;
    }

    /** The default list with the secrets rule. */
    public static ForbiddenPaths ofDefaults() {
        return of(DEFAULT_GLOBS, true);
    }

    /**
     * A custom list.
     *
     * @param globs path globs relative to the repository root ({@code **}, {@code *}, {@code ?})
     * @param checkSecrets whether secrets files with real values are refused too
     * @throws IllegalArgumentException naming a blank or absolute glob
     */
    public static ForbiddenPaths of(List<String> globs, boolean checkSecrets) {
        return new ForbiddenPaths(globs.stream().map(Glob::of).toList(), checkSecrets);
    }

    /** This list plus {@code more}. */
    public ForbiddenPaths plus(String... more) {
        List<Glob> all = new ArrayList<>(globs);
        for (String g : more) {
            all.add(Glob.of(g));
        }
        return new ForbiddenPaths(all, checkSecrets);
    }

    /** The globs, as given. */
    public List<String> globs() {
        return globs.stream().map(Glob::pattern).toList();
    }

    /**
     * Why {@code path} with this content must not reach a standby, if it must not.
     *
     * @param path the Git path, relative to the repository root
     * @param content reads the file's bytes, or null if too large to read; only called for secrets files
     * @return the reason, naming the glob or the secret keys (never their values)
     */
    public Optional<String> violation(String path, Supplier<byte[]> content) {
        Objects.requireNonNull(path, "path");
        for (Glob g : globs) {
            if (g.matches(path)) {
                return Optional.of(path + " matches forbidden glob " + g);
            }
        }
        if (checkSecrets && SECRETS.matches(path)) {
            byte[] bytes = content.get();
            if (bytes == null) {
                return Optional.of(path + " is too large to check for real secret values");
            }
            Set<String> keys = SecretsFile.keysWithRealValues(new String(bytes, StandardCharsets.UTF_8));
            if (!keys.isEmpty()) {
                return Optional.of(path + " holds real values for " + String.join(", ", keys));
            }
        }
        return Optional.empty();
    }
}
