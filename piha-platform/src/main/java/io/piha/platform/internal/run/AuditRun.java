package io.piha.platform.internal.run;

import io.piha.platform.AuditOptions;
import io.piha.platform.AuditReport;
import io.piha.platform.Finding;
import io.piha.platform.Location;
import io.piha.platform.Rule;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.repo.RepositoryReader;
import io.piha.platform.internal.rules.AuditRule;
import io.piha.platform.internal.rules.RuleRegistry;
import io.piha.platform.internal.suppress.Suppressions;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One audit: read the repository, run every check (a failing check is a finding), apply suppressions. */
public final class AuditRun {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRun.class);

    private AuditRun() {
    }

    /** Audits the repository at {@code repository}, a directory. */
    public static AuditReport run(Path repository, AuditOptions options) {
        long start = System.nanoTime();
        Findings findings = new Findings();
        Platform platform = RepositoryReader.read(repository, options, findings);
        long read = System.nanoTime();
        for (AuditRule rule : RuleRegistry.checks()) {
            try {
                rule.check(platform, findings);
            } catch (RuntimeException e) {
                findings.add(RuleRegistry.RULE_FAILED, Location.of("."), "Rule " + rule.rule().id() + " failed: "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        }
        long checked = System.nanoTime();
        List<Rule> catalogue = RuleRegistry.catalogue();
        Set<String> ids = catalogue.stream().map(Rule::id).collect(Collectors.toSet());
        List<Finding> all = Suppressions.apply(platform.tree(), options.suppressionFile(), findings.all(), ids);
        LOG.debug("{}: read {} files and {} objects in {} ms, checked in {} ms, suppressions in {} ms", repository,
                platform.tree().filesRead(), platform.manifests().size(), (read - start) / 1_000_000,
                (checked - read) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
        return new AuditReport(repository.toString(), all, catalogue, platform.tree().filesRead(),
                platform.manifests().size());
    }
}
