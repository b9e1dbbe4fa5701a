package io.piha.platform.internal.model;

import io.piha.platform.AuditOptions;
import io.piha.platform.internal.source.SourceTree;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything the rules look at: the repository's objects (plain, generated and rendered), its workloads, its
 * HelmReleases, its Home Assistant configurations and the text of its chart templates.
 *
 * @param tree the files
 * @param manifests every object
 * @param workloads every workload among them
 * @param releases every HelmRelease
 * @param haConfigs every Home Assistant configuration
 * @param templates the chart templates as text
 * @param options the audit's options
 */
public record Platform(SourceTree tree, List<Manifest> manifests, List<Workload> workloads, List<Release> releases,
        List<HaConfig> haConfigs, List<TemplateSource> templates, AuditOptions options) {

    /** A chart template as written. */
    public record TemplateSource(String path, String text) {
    }

    /** Copies. */
    public Platform {
        manifests = List.copyOf(manifests);
        workloads = List.copyOf(workloads);
        releases = List.copyOf(releases);
        haConfigs = List.copyOf(haConfigs);
        templates = List.copyOf(templates);
    }

    /** The objects of a kind. */
    public Stream<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind));
    }

    /** The workloads running {@code app}. */
    public Stream<Workload> running(App app) {
        return workloads.stream().filter(w -> w.runs(app));
    }

    /** The HelmReleases of {@code app}'s chart whose chart is not in the repository. */
    public Stream<Release> remoteReleases(App app) {
        return releases.stream().filter(r -> r.localChart().isEmpty() && r.app().filter(app::equals).isPresent());
    }

    /** Whether the repository deploys {@code app} (a workload, or a HelmRelease of a remote chart). */
    public boolean deploys(App app) {
        return running(app).findAny().isPresent() || remoteReleases(app).findAny().isPresent()
                || app == App.POSTGRESQL && ofKind("Cluster").anyMatch(m -> m.apiVersion().startsWith("postgresql.cnpg.io"));
    }

    /** Whether Home Assistant is part of this repository. */
    public boolean hasHomeAssistant() {
        return deploys(App.HOME_ASSISTANT) || !haConfigs.isEmpty();
    }
}
