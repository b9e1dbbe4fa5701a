package io.piha.platform.internal.model;

import io.piha.platform.Location;
import io.piha.platform.internal.yaml.YamlMap;
import java.util.Optional;

/**
 * A Flux HelmRelease with its chart resolved as far as the repository allows.
 *
 * @param manifest the HelmRelease
 * @param releaseName the Helm release name
 * @param namespace the namespace its objects land in
 * @param chart the chart name (a path for a chart in a Git source)
 * @param chartSpec {@code spec.chart.spec} (empty for {@code spec.chartRef})
 * @param source the source object found in the repository (HelmRepository, OCIRepository, GitRepository)
 * @param localChart the chart directory in this repository, when the chart lives here
 * @param values the release's own values: {@code valuesFrom} then {@code spec.values}, without chart defaults
 */
public record Release(Manifest manifest, String releaseName, String namespace, String chart, YamlMap chartSpec,
        Optional<Manifest> source, Optional<String> localChart, YamlMap values) {

    /** The application the chart deploys, if known. */
    public Optional<App> app() {
        return App.ofChart(chart);
    }

    /** The kind of the chart's source ({@code HelmRepository}, {@code GitRepository}, {@code OCIRepository}...). */
    public String sourceKind() {
        return chartSpec.textAt("sourceRef", "kind")
                .or(() -> manifest.spec().textAt("chartRef", "kind")).orElse("");
    }

    /** Where the chart is named. */
    public Location chartLocation() {
        return chartSpec.entries().isEmpty() ? manifest.spec().keyLocation("chartRef") : chartSpec.keyLocation("chart");
    }

    /** {@code HelmRelease influxdb in data-storage}. */
    public String describe() {
        return manifest.describe();
    }
}
