package io.piha.platform.internal.repo;

import io.piha.platform.AuditOptions;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.HaConfig;
import io.piha.platform.internal.model.Manifest;
import io.piha.platform.internal.model.Platform.TemplateSource;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.model.Release;
import io.piha.platform.internal.model.Workload;
import io.piha.platform.internal.source.SourceTree;
import io.piha.platform.internal.yaml.YamlMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Flux repository as it lies on disk into a {@link Platform}: plain manifests (multi-document),
 * kustomizations (namespaces, generated ConfigMaps), Flux Kustomizations, HelmReleases with their values and
 * local charts rendered, and Home Assistant configurations. What cannot be read is a finding; the rest is read.
 */
public final class RepositoryReader {

    private RepositoryReader() {
    }

    private record Doc(String file, YamlMap node) {
    }

    /** Reads the repository at {@code root}. */
    public static Platform read(Path root, AuditOptions options, Findings findings) {
        SourceTree tree = SourceTree.scan(root, findings);
        Map<String, LocalChart> charts = new LinkedHashMap<>();
        tree.files().stream().filter(f -> f.equals("Chart.yaml") || f.endsWith("/Chart.yaml"))
                .map(SourceTree::directoryOf).forEach(dir -> charts.put(dir, LocalChart.read(tree, dir)));
        List<String> yaml = tree.yamlFiles().stream().filter(f -> !inChart(f, charts.keySet()))
                .filter(f -> !f.equals(options.suppressionFile())).toList();
        tree.preload(yaml);

        Kustomize kustomize = new Kustomize(tree, findings);
        kustomize.read(yaml.stream().filter(Kustomize::isKustomization).toList());
        List<Manifest> manifests = plainManifests(tree, yaml, kustomize);
        List<Release> releases = releases(tree, findings, charts, manifests);
        List<Workload> workloads = manifests.stream().flatMap(m -> Workload.of(m).stream()).toList();
        List<TemplateSource> templates = charts.values().stream().flatMap(c -> c.templates().stream()).toList();
        return new Platform(tree, manifests, workloads, releases, haConfigs(tree, findings, yaml, manifests,
                releases, charts), templates, options);
    }

    /** The objects of the plain files, in the namespaces kustomize and Flux give them, and generated ones. */
    private static List<Manifest> plainManifests(SourceTree tree, List<String> yaml, Kustomize kustomize) {
        List<Doc> docs = new ArrayList<>();
        for (String file : yaml.stream().filter(f -> !Kustomize.isKustomization(f)).toList()) {
            tree.documents(file).forEach(d -> d.asMap().ifPresent(m -> docs.add(new Doc(file, m))));
        }
        docs.stream().filter(d -> d.node.text("kind").filter("Kustomization"::equals).isPresent()
                && d.node.text("apiVersion").filter(a -> a.startsWith("kustomize.toolkit.fluxcd.io")).isPresent())
                .forEach(d -> Manifests.of(d.node, d.file, Optional.empty(), "flux-system").ifPresent(kustomize::flux));
        List<Manifest> manifests = new ArrayList<>();
        for (Doc d : docs) {
            String kind = d.node.text("kind").orElse("");
            String ns = kustomize.namespaceFor(d.file, kind, d.node.textAt("metadata", "namespace"));
            Manifests.of(d.node, d.file, Optional.empty(), ns)
                    .map(m -> m.namespace().equals(ns) ? m : withNamespace(m, ns)).ifPresent(manifests::add);
        }
        manifests.addAll(kustomize.generated());
        return manifests;
    }

    /** Resolves every HelmRelease and adds the objects of the local charts it renders (and of unused charts). */
    private static List<Release> releases(SourceTree tree, Findings findings, Map<String, LocalChart> charts,
            List<Manifest> manifests) {
        HelmReleases helm = new HelmReleases(tree, findings, charts, List.copyOf(manifests));
        List<Release> releases = new ArrayList<>();
        Set<String> rendered = new HashSet<>();
        for (Manifest hr : List.copyOf(manifests)) {
            if (hr.kind().equals("HelmRelease") && hr.apiVersion().startsWith("helm.toolkit.fluxcd.io")) {
                Release r = helm.resolve(hr);
                releases.add(r);
                r.localChart().ifPresent(dir -> {
                    rendered.add(dir);
                    manifests.addAll(helm.render(charts.get(dir), r.releaseName(), r.namespace(), r.values()));
                });
            }
        }
        charts.values().stream().filter(c -> !rendered.contains(c.dir())).forEach(c -> manifests.addAll(
                helm.render(c, c.name(), "default", YamlMap.empty(c.values().location()))));
        return releases;
    }

    private static boolean inChart(String file, Set<String> chartDirs) {
        for (String dir : chartDirs) {
            if (dir.equals(".") || file.startsWith(dir + "/")) {
                return true;
            }
        }
        return false;
    }

    private static Manifest withNamespace(Manifest m, String ns) {
        return new Manifest(m.apiVersion(), m.kind(), m.name(), ns, m.node(), m.file(), m.chart());
    }

    private static List<HaConfig> haConfigs(SourceTree tree, Findings findings, List<String> yaml,
            List<Manifest> manifests, List<Release> releases, Map<String, LocalChart> charts) {
        HomeAssistantConfigs configs = new HomeAssistantConfigs(tree, findings);
        yaml.stream().filter(f -> f.equals("configuration.yaml") || f.endsWith("/configuration.yaml"))
                .forEach(configs::file);
        manifests.stream().filter(m -> m.kind().equals("ConfigMap")).forEach(configs::configMap);
        for (Release r : releases) {
            configs.values(r.values(), "values of " + r.describe());
        }
        for (LocalChart c : charts.values()) {
            configs.values(c.values(), c.dir() + "/values.yaml");
        }
        return configs.all();
    }
}
