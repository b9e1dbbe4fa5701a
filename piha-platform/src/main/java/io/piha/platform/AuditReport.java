package io.piha.platform;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The result of one audit: every finding (suppressed ones included, marked), in report order (phase, then
 * severity, then place), every rule that ran, and what was read.
 *
 * @param repository the audited directory as given
 * @param findings all findings in report order
 * @param rules every rule of the audit, in catalogue order
 * @param filesRead how many YAML files were read
 * @param manifestsRead how many Kubernetes objects were read, rendered chart templates included
 * @since 0.1
 */
public record AuditReport(String repository, List<Finding> findings, List<Rule> rules, int filesRead,
        int manifestsRead) {

    /** Exit code when nothing at or above the threshold was found. */
    public static final int EXIT_CLEAN = 0;
    /** Exit code when an unsuppressed finding is at or above the threshold. */
    public static final int EXIT_FINDINGS = 1;
    /** Exit code the CLI uses for bad usage (never returned by {@link #exitCode}). */
    public static final int EXIT_USAGE = 2;

    /** Report order: phase, severity (worst first), path, line, rule id. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::phase)
            .thenComparing(Finding::severity).thenComparing(Finding::location)
            .thenComparing(f -> f.rule().id()).thenComparing(Finding::message);

    /** Validates and sorts. */
    public AuditReport {
        Objects.requireNonNull(repository, "repository");
        findings = findings.stream().sorted(ORDER).toList();
        rules = List.copyOf(rules);
        if (filesRead < 0 || manifestsRead < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** The findings the repository does not accept. */
    public List<Finding> unsuppressed() {
        return findings.stream().filter(f -> !f.isSuppressed()).toList();
    }

    /** The findings accepted by {@code .piha-audit.yaml}, with their reasons. */
    public List<Finding> suppressed() {
        return findings.stream().filter(Finding::isSuppressed).toList();
    }

    /** How many unsuppressed findings have exactly this severity. */
    public long count(Severity severity) {
        return unsuppressed().stream().filter(f -> f.severity() == severity).count();
    }

    /**
     * {@link #EXIT_FINDINGS} (1) when an unsuppressed finding is at or above {@code failOn}, else
     * {@link #EXIT_CLEAN} (0). Suppressed findings never count.
     */
    public int exitCode(Severity failOn) {
        Objects.requireNonNull(failOn, "failOn");
        return unsuppressed().stream().anyMatch(f -> f.severity().isAtLeast(failOn)) ? EXIT_FINDINGS : EXIT_CLEAN;
    }
}
