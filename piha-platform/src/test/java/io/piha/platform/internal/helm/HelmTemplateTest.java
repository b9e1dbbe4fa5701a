package io.piha.platform.internal.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.platform.Location;
import io.piha.platform.internal.yaml.LineMap;
import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlReader;
import org.junit.jupiter.api.Test;

class HelmTemplateTest {

    private static final String VALUES = """
            image:
              repository: ghcr.io/home-assistant/home-assistant
              tag: "2025.12.1"
            networking:
              hostNetwork: true
            resources:
              limits:
                memory: 2Gi
            nodeSelector: {}
            configuration: |
              default_config:
              recorder:
                db_url: sqlite:////config/home-assistant_v2.db
            """;

    private static ReleaseContext release() {
        YamlMap values = (YamlMap) YamlReader.read(VALUES, LineMap.of("chart/values.yaml")).documents().get(0);
        return new ReleaseContext(values, "home-assistant", "home", "home-assistant", "1.0.0", "2025.12.1");
    }

    private static HelmTemplate.Rendered render(String template) {
        return HelmTemplate.render("chart/templates/t.yaml", template, release());
    }

    @Test
    void aLineWithAValueLeadsToTheValuesLineAndOthersToTheTemplateLine() {
        HelmTemplate.Rendered r = render("""
                kind: Deployment
                metadata:
                  namespace: {{ .Release.Namespace }}
                spec:
                  hostNetwork: {{ .Values.networking.hostNetwork }}
                  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                """);

        assertThat(r.text()).contains("namespace: home\n", "hostNetwork: true\n",
                "image: \"ghcr.io/home-assistant/home-assistant:2025.12.1\"");
        assertThat(r.lines().at(3)).isEqualTo(new Location("chart/templates/t.yaml", 3));
        assertThat(r.lines().at(5)).isEqualTo(new Location("chart/values.yaml", 5));
        assertThat(r.lines().at(6)).isEqualTo(new Location("chart/values.yaml", 2));
    }

    @Test
    void toYamlAndNindentKeepEachValuesLine() {
        HelmTemplate.Rendered r = render("""
                resources:
                  {{- toYaml .Values.resources | nindent 2 }}
                data:
                  configuration.yaml: |
                    {{- .Values.configuration | nindent 4 }}
                after: x
                """);

        assertThat(r.text()).startsWith("resources:\n  limits:\n    memory: 2Gi\ndata:\n  configuration.yaml: |\n"
                + "    default_config:\n    recorder:\n      db_url: sqlite:////config/home-assistant_v2.db\n");
        assertThat(r.lines().at(2)).isEqualTo(new Location("chart/values.yaml", 7));
        assertThat(r.lines().at(3)).isEqualTo(new Location("chart/values.yaml", 8));
        assertThat(r.lines().at(8)).isEqualTo(new Location("chart/values.yaml", 13));
        assertThat(r.lines().at(10)).isEqualTo(new Location("chart/templates/t.yaml", 6));
    }

    @Test
    void ifElseAndWithChooseTheirBranchAndTrimmingKeepsLinesRight() {
        HelmTemplate.Rendered r = render("""
                a: 1
                {{- if .Values.networking.hostNetwork }}
                host: yes
                {{- else }}
                host: no
                {{- end }}
                {{- with .Values.nodeSelector }}
                nodeSelector: {{ toYaml . }}
                {{- else }}
                nodeSelector: none
                {{- end }}
                {{- /* a comment */}}
                last: {{ .Values.missing.key | default "fallback" | quote }}
                """);

        assertThat(r.text()).isEqualTo("a: 1\nhost: yes\nnodeSelector: none\nlast: \"fallback\"\n");
        assertThat(r.lines().at(2)).isEqualTo(new Location("chart/templates/t.yaml", 3));
        assertThat(r.lines().at(4)).isEqualTo(new Location("chart/templates/t.yaml", 13));
    }

    @Test
    void includeRangeAndVariablesAreUnrenderableWithTheirLine() {
        assertThatThrownBy(() -> render("a: 1\nname: {{ include \"x.fullname\" . }}\n"))
                .isInstanceOfSatisfying(Unrenderable.class, u -> {
                    assertThat(u.line()).isEqualTo(2);
                    assertThat(u.getMessage()).contains("include");
                });
        assertThatThrownBy(() -> render("a: 1\n\n{{- range .Values.x }}\n{{ . }}\n{{- end }}\n"))
                .isInstanceOfSatisfying(Unrenderable.class, u -> assertThat(u.line()).isEqualTo(3));
        assertThatThrownBy(() -> render("{{ $name := .Chart.Name }}"))
                .isInstanceOfSatisfying(Unrenderable.class, u -> assertThat(u.getMessage()).contains("variable"));
        assertThatThrownBy(() -> render("v: {{ .Capabilities.KubeVersion }}"))
                .isInstanceOfSatisfying(Unrenderable.class, u -> assertThat(u.getMessage()).contains("Capabilities"));
        assertThatThrownBy(() -> render("{{ if .Values.a }}\nno end\n"))
                .isInstanceOf(Unrenderable.class);
    }

    @Test
    void requiredFailsTheWayHelmFails() {
        assertThatThrownBy(() -> render("v: {{ required \"set image.digest\" .Values.image.digest }}"))
                .isInstanceOfSatisfying(Unrenderable.class, u -> assertThat(u.getMessage()).contains("set image.digest"));
        assertThat(render("v: {{ required \"x\" .Values.image.tag }}").text()).isEqualTo("v: 2025.12.1");
    }
}
