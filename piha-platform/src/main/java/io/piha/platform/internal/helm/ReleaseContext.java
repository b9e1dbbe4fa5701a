package io.piha.platform.internal.helm;

import io.piha.platform.internal.yaml.YamlMap;
import java.util.Objects;

/**
 * What a chart is rendered with: its merged values and the release's and chart's names.
 *
 * @param values chart values merged with the release's values
 * @param releaseName {@code .Release.Name}
 * @param namespace {@code .Release.Namespace}
 * @param chartName {@code .Chart.Name}
 * @param chartVersion {@code .Chart.Version}
 * @param appVersion {@code .Chart.AppVersion}
 */
public record ReleaseContext(YamlMap values, String releaseName, String namespace, String chartName,
        String chartVersion, String appVersion) {

    /** Validates. */
    public ReleaseContext {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(releaseName, "releaseName");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(chartName, "chartName");
        Objects.requireNonNull(chartVersion, "chartVersion");
        Objects.requireNonNull(appVersion, "appVersion");
    }
}
