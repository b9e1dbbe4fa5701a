package io.piha.platform;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one rule checks, described for people and for code-scanning tools. The checks themselves are internal;
 * {@link PlatformAudit#rules()} lists every rule.
 *
 * @param id a stable kebab-case id, e.g. {@code recorder-sqlite}; suppressions name it
 * @param severity the severity of every finding of this rule
 * @param phase the seed phase that fixes it
 * @param title one line: what is wrong when it fires
 * @param why why it matters, in the seed's terms
 * @param fix what to do
 * @param seedLabel the Phase 0 item it generalises ({@code V1} to {@code V6}, {@code A1} to {@code A8}), if any
 * @param seedReference where in the seed the rule comes from, e.g. {@code Critical Rules: NO SQLite}
 * @since 0.1
 */
public record Rule(String id, Severity severity, Phase phase, String title, String why, String fix,
        Optional<String> seedLabel, String seedReference) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** Validates every field. */
    public Rule {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be kebab-case: '" + id + "'");
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(phase, "phase");
        requireText(title, "title", id);
        requireText(why, "why", id);
        requireText(fix, "fix", id);
        Objects.requireNonNull(seedLabel, "seedLabel");
        requireText(seedReference, "seedReference", id);
    }

    private static void requireText(String value, String field, String id) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("rule " + id + " needs a " + field);
        }
    }
}
