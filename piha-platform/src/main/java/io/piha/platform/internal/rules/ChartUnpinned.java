package io.piha.platform.internal.rules;

import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.Manifest;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.model.Release;
import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlScalar;
import java.util.Optional;

/** Critical rule: no auto-upgrades without pinning. A HelmRelease without a chart version, or with a range. */
final class ChartUnpinned implements AuditRule {

    static final Rule RULE = new Rule("chart-unpinned", Severity.HIGH, Phase.HOME_ASSISTANT,
            "A Helm chart that is not pinned",
            "Flux upgrades a HelmRelease by itself when its chart version is missing or a range: schema "
                    + "migrations and breaking chart changes arrive without a review.",
            "Write the exact chart version (spec.chart.spec.version: \"2.1.2\", or an OCIRepository ref.tag or "
                    + "digest) and upgrade by commit.",
            Optional.empty(), "Critical Rules: NO auto-upgrades without version pinning; GitOps: HelmRepository + "
                    + "HelmRelease");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        for (Release r : p.releases()) {
            switch (r.sourceKind()) {
                case "HelmRepository" -> helmRepository(r, findings);
                case "OCIRepository" -> r.source().ifPresent(s -> oci(r, s, findings));
                case "HelmChart" -> r.source().ifPresent(s -> helmRepositoryVersion(r, s.spec(), findings));
                default -> {
                    // a chart from Git is pinned by the commit Flux applies
                }
            }
        }
    }

    private static void helmRepository(Release r, Findings findings) {
        helmRepositoryVersion(r, r.chartSpec(), findings);
    }

    private static void helmRepositoryVersion(Release r, YamlMap spec, Findings findings) {
        Optional<YamlScalar> version = spec.scalar("version");
        if (version.isEmpty()) {
            findings.add(RULE, r.chartLocation(), r.describe() + " names chart " + r.chart()
                    + " without a version: Flux installs the newest and upgrades whenever one is published");
        } else if (Pins.isRange(version.get().text())) {
            findings.add(RULE, version.get().location(), r.describe() + " takes chart " + r.chart() + " version '"
                    + version.get().text() + "', a range: Flux upgrades within it by itself");
        }
    }

    private static void oci(Release r, Manifest source, Findings findings) {
        YamlMap ref = source.spec().map("ref").orElse(YamlMap.empty(source.location()));
        if (ref.scalar("digest").isPresent()) {
            return;
        }
        Optional<YamlScalar> semver = ref.scalar("semver");
        Optional<YamlScalar> tag = ref.scalar("tag");
        if (semver.isPresent() && Pins.isRange(semver.get().text())) {
            findings.add(RULE, semver.get().location(), r.describe() + " follows " + source.describe()
                    + " semver '" + semver.get().text() + "', a range");
        } else if (semver.isEmpty() && tag.map(t -> Pins.tagProblem(t.text(), java.util.Set.of("latest")).isPresent())
                .orElse(true)) {
            findings.add(RULE, tag.map(YamlScalar::location).orElse(source.location()), r.describe() + " follows "
                    + source.describe() + " " + tag.map(t -> "tag " + t.text()).orElse("without a ref (latest)"));
        }
    }
}
