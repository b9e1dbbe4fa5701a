package io.piha.platform.internal.repo;

import io.piha.platform.Location;
import io.piha.platform.internal.model.Platform.TemplateSource;
import io.piha.platform.internal.source.SourceTree;
import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlNode;
import java.util.List;

/**
 * A Helm chart that lives in the repository: {@code Chart.yaml}, {@code values.yaml} and its templates.
 *
 * @param dir the chart directory
 * @param name {@code name} of Chart.yaml
 * @param version {@code version} of Chart.yaml
 * @param appVersion {@code appVersion} of Chart.yaml
 * @param values the default values
 * @param templates the manifest templates (not {@code _helpers.tpl}, not NOTES.txt)
 */
record LocalChart(String dir, String name, String version, String appVersion, YamlMap values,
        List<TemplateSource> templates) {

    /** Reads the chart in {@code dir}. */
    static LocalChart read(SourceTree tree, String dir) {
        String prefix = dir.equals(".") ? "" : dir + "/";
        YamlMap chart = first(tree.documents(prefix + "Chart.yaml"), new Location(prefix + "Chart.yaml", 1));
        YamlMap values = tree.isFile(prefix + "values.yaml")
                ? first(tree.documents(prefix + "values.yaml"), new Location(prefix + "values.yaml", 1))
                : YamlMap.empty(new Location(prefix + "Chart.yaml", 1));
        List<TemplateSource> templates = tree.files().stream()
                .filter(f -> f.startsWith(prefix + "templates/"))
                .filter(f -> f.endsWith(".yaml") || f.endsWith(".yml"))
                .filter(f -> !f.substring(f.lastIndexOf('/') + 1).startsWith("_"))
                .flatMap(f -> tree.text(f).map(t -> new TemplateSource(f, t)).stream())
                .toList();
        String name = chart.text("name").orElse(dir.substring(dir.lastIndexOf('/') + 1));
        return new LocalChart(dir, name, chart.text("version").orElse("0.0.0"),
                chart.text("appVersion").orElse(""), values, templates);
    }

    private static YamlMap first(List<YamlNode> docs, Location fallback) {
        return docs.stream().flatMap(d -> d.asMap().stream()).findFirst().orElse(YamlMap.empty(fallback));
    }
}
