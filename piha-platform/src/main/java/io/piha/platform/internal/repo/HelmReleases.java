package io.piha.platform.internal.repo;

import io.piha.platform.Location;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.helm.HelmTemplate;
import io.piha.platform.internal.helm.ReleaseContext;
import io.piha.platform.internal.helm.Unrenderable;
import io.piha.platform.internal.model.Manifest;
import io.piha.platform.internal.model.Platform.TemplateSource;
import io.piha.platform.internal.model.Release;
import io.piha.platform.internal.source.InputRules;
import io.piha.platform.internal.source.SourceTree;
import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlNode;
import io.piha.platform.internal.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves Flux HelmReleases: the chart's source, a chart that lives in the repository, the release's values
 * ({@code valuesFrom} ConfigMaps of the repository, then {@code spec.values}), and renders local charts.
 */
final class HelmReleases {

    private final SourceTree tree;
    private final Findings findings;
    private final Map<String, LocalChart> charts;
    private final List<Manifest> objects;
    /** Each template parsed once: its {@link HelmTemplate.Compiled} form, or why it cannot be rendered. */
    private final Map<String, Object> compiled = new HashMap<>();

    HelmReleases(SourceTree tree, Findings findings, Map<String, LocalChart> charts, List<Manifest> objects) {
        this.tree = tree;
        this.findings = findings;
        this.charts = charts;
        this.objects = objects;
    }

    Release resolve(Manifest hr) {
        YamlMap spec = hr.spec();
        YamlMap chartSpec = spec.mapAt("chart", "spec").orElse(YamlMap.empty(spec.location()));
        String namespace = spec.text("targetNamespace").orElse(hr.namespace());
        String releaseName = spec.text("releaseName").orElse(spec.text("targetNamespace")
                .map(t -> t + "-" + hr.name()).orElse(hr.name()));
        Optional<Manifest> source = source(hr, chartSpec);
        String chart = chartSpec.text("chart").or(() -> source.map(Manifest::name)).orElse("?");
        Optional<String> local = localChart(hr, chartSpec, chart);
        return new Release(hr, releaseName, namespace, chart, chartSpec, source, local, values(hr));
    }

    private Optional<Manifest> source(Manifest hr, YamlMap chartSpec) {
        YamlMap ref = chartSpec.map("sourceRef").or(() -> hr.spec().map("chartRef"))
                .orElse(YamlMap.empty(hr.location()));
        String kind = ref.text("kind").orElse("");
        String name = ref.text("name").orElse("");
        String ns = ref.text("namespace").orElse(hr.namespace());
        return objects.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name))
                .sorted((a, b) -> Boolean.compare(!a.namespace().equals(ns), !b.namespace().equals(ns))).findFirst();
    }

    private Optional<String> localChart(Manifest hr, YamlMap chartSpec, String chart) {
        String kind = chartSpec.textAt("sourceRef", "kind").orElse("");
        if (!kind.equals("GitRepository") && !kind.equals("Bucket")) {
            return Optional.empty();
        }
        String path = Kustomize.clean(chart);
        if (charts.containsKey(path)) {
            return Optional.of(path);
        }
        if (chartSpec.textAt("sourceRef", "name").map("flux-system"::equals).orElse(false)) {
            findings.add(InputRules.REFERENCE_MISSING, chartSpec.keyLocation("chart"), hr.describe()
                    + " uses the chart at '" + chart + "', which is not a chart directory (with Chart.yaml) of the repository");
        }
        return Optional.empty();
    }

    private YamlMap values(Manifest hr) {
        YamlMap values = YamlMap.empty(hr.spec().keyLocation("values"));
        for (YamlMap from : hr.spec().seq("valuesFrom").map(s -> s.maps().toList()).orElse(List.of())) {
            Optional<YamlNode> read = valuesFrom(hr, from);
            if (read.isEmpty()) {
                continue;
            }
            YamlNode v = read.get();
            Optional<String> target = from.text("targetPath");
            YamlMap add = target.isPresent()
                    ? ValuesMerge.set(YamlMap.empty(v.location()), Arrays.asList(target.get().split("\\.")), v)
                    : v.asMap().orElse(YamlMap.empty(v.location()));
            values = ValuesMerge.merge(values, add);
        }
        return ValuesMerge.merge(values, hr.spec().map("values").orElse(YamlMap.empty(hr.location())));
    }

    private Optional<YamlNode> valuesFrom(Manifest hr, YamlMap from) {
        String kind = from.text("kind").orElse("ConfigMap");
        String name = from.text("name").orElse("?");
        String key = from.text("valuesKey").orElse("values.yaml");
        boolean optional = from.scalar("optional").map(YamlScalar::isTrue).orElse(false);
        if (!kind.equals("ConfigMap")) {
            return Optional.empty(); // Secrets are not in Git in plain text; nothing to read
        }
        Optional<YamlScalar> data = objects.stream()
                .filter(m -> m.kind().equals("ConfigMap") && m.name().equals(name) && m.namespace().equals(hr.namespace()))
                .findFirst().flatMap(cm -> cm.node().mapAt("data").flatMap(d -> d.scalar(key)));
        if (data.isEmpty()) {
            if (!optional) {
                findings.add(InputRules.REFERENCE_MISSING, from.location(), hr.describe() + " takes values from "
                        + "ConfigMap " + name + " (key " + key + ") in " + hr.namespace()
                        + ", which is not in the repository: Flux will not reconcile it until it exists");
            }
            return Optional.empty();
        }
        if (from.text("targetPath").isPresent()) {
            return Optional.of(data.get());
        }
        return tree.parse(data.get().text(), data.get().content(), "values of ConfigMap " + name).stream()
                .findFirst();
    }

    private HelmTemplate.Compiled compiled(TemplateSource t) {
        Object known = compiled.computeIfAbsent(t.path(), path -> {
            try {
                return HelmTemplate.compile(t.text());
            } catch (Unrenderable u) {
                return u;
            }
        });
        if (known instanceof Unrenderable u) {
            throw u;
        }
        return (HelmTemplate.Compiled) known;
    }

    /** Renders every template of {@code chart}; a template it cannot render is a finding, the others go on. */
    List<Manifest> render(LocalChart chart, String releaseName, String namespace, YamlMap releaseValues) {
        ReleaseContext context = new ReleaseContext(ValuesMerge.merge(chart.values(), releaseValues), releaseName,
                namespace, chart.name(), chart.version(), chart.appVersion());
        List<Manifest> out = new ArrayList<>();
        for (TemplateSource t : chart.templates()) {
            try {
                HelmTemplate.Rendered rendered = compiled(t).render(t.path(), context);
                for (YamlNode doc : tree.parse(rendered.text(), rendered.lines(), "the rendering of " + t.path())) {
                    doc.asMap().flatMap(m -> Manifests.of(m, t.path(), Optional.of(chart.dir()), namespace))
                            .ifPresent(out::add);
                }
            } catch (Unrenderable u) {
                findings.add(InputRules.TEMPLATE_UNRENDERED, new Location(t.path(), u.line()), t.path() + " uses "
                        + u.getMessage() + ", which this audit does not render: rules on rendered objects skipped it");
            }
        }
        return out;
    }
}
