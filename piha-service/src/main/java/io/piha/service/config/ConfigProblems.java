package io.piha.service.config;

import io.piha.api.Secret;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The problems found while reading one file, and the rules that apply to all values: interpolation, and
 * secrets shown as {@code ******} in every problem that names their key.
 */
final class ConfigProblems {

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Interpolation interpolation;
    private final Set<String> secretPaths = new HashSet<>();
    private final Set<String> keysRead = new java.util.TreeSet<>();

    ConfigProblems(Interpolation interpolation) {
        this.interpolation = interpolation;
    }

    void add(String path, String message, Optional<String> value) {
        Optional<String> shown = secretPaths.contains(path) ? value.map(v -> Secret.REDACTED) : value;
        problems.add(new ConfigProblem(path, message, shown));
    }

    /** Notes that a reader asked for the key at {@code path}, list indices dropped ({@code hosts.probes.url}). */
    void read(String path) {
        keysRead.add(path.replaceAll("\\[\\d+]", ""));
    }

    /** Every key a reader asked for, present in the file or not: what the readers know. */
    Set<String> keysRead() {
        return java.util.Collections.unmodifiableSet(keysRead);
    }

    void markSecret(String path) {
        secretPaths.add(path);
    }

    boolean hasAt(String path) {
        return problems.stream().anyMatch(p -> p.path().equals(path));
    }

    int count() {
        return problems.size();
    }

    List<ConfigProblem> all() {
        return List.copyOf(problems);
    }

    Optional<String> interpolate(String path, String raw) {
        return interpolation.apply(raw, message -> add(path, message, Optional.empty()));
    }
}
