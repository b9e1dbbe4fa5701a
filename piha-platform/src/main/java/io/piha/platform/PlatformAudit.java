package io.piha.platform;

import io.piha.platform.internal.rules.RuleRegistry;
import io.piha.platform.internal.run.AuditRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits a Flux/k3s Home Assistant repository as it lies on disk (no cluster) against the platform seed's
 * rules: reads its Kustomizations, HelmReleases (with valuesFrom and local charts rendered), plain manifests,
 * StorageClasses, PVCs and Home Assistant configuration, runs every rule of {@link #rules()} and applies the
 * repository's {@code .piha-audit.yaml}. Bad input is a finding with its file and line, never an exception.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * AuditReport report = PlatformAudit.ofDefaults().audit(Path.of("/srv/home-ops"));
 * new TextReport().write(report, System.out);
 * System.exit(report.exitCode(Severity.HIGH));
 * }</pre>
 *
 * @since 0.1
 */
public final class PlatformAudit {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformAudit.class);

    private final AuditOptions options;

    private PlatformAudit(AuditOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** An audit with these options. */
    public static PlatformAudit of(AuditOptions options) {
        return new PlatformAudit(options);
    }

    /** An audit with {@link AuditOptions#ofDefaults()}. */
    public static PlatformAudit ofDefaults() {
        return of(AuditOptions.ofDefaults());
    }

    /** Every rule, phase 0's included, in the seed's phase order. */
    public static List<Rule> rules() {
        return RuleRegistry.catalogue();
    }

    /**
     * Audits the repository whose root is {@code repository}.
     *
     * @throws IllegalArgumentException when {@code repository} is not a directory (the CLI's exit code 2)
     * @throws java.io.UncheckedIOException when the directory cannot be listed at all
     */
    public AuditReport audit(Path repository) {
        Objects.requireNonNull(repository, "repository");
        if (!Files.isDirectory(repository)) {
            throw new IllegalArgumentException(repository + " is not a directory: pass the root of a Flux repository");
        }
        long start = System.nanoTime();
        AuditReport report = AuditRun.run(repository, options);
        LOG.debug("audited {} in {} ms: {} files, {} objects, {} findings", repository,
                (System.nanoTime() - start) / 1_000_000, report.filesRead(), report.manifestsRead(),
                report.findings().size());
        return report;
    }
}
