package io.piha.platform.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.platform.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private static YamlReader.Result read(String text) {
        return YamlReader.read(text, LineMap.of("f.yaml"));
    }

    @Test
    void everyKeyAndValueKnowsItsLine() {
        YamlMap root = (YamlMap) read("a: 1\nb:\n  c: x\n  d: [1, 2]\n").documents().get(0);

        assertThat(root.keyLocation("b")).isEqualTo(new Location("f.yaml", 2));
        assertThat(root.mapAt("b").orElseThrow().keyLocation("d")).isEqualTo(new Location("f.yaml", 4));
        assertThat(root.at("b", "c").orElseThrow().location()).isEqualTo(new Location("f.yaml", 3));
    }

    @Test
    void localTagsAreKeptOnTheScalarAndNeverFailTheRead() {
        YamlMap root = (YamlMap) read("""
                token: !secret influx_token
                automation: !include automations.yaml
                customize: !include_dir_merge_named customize
                input: !input motion
                env: !env_var HA_TOKEN
                """).documents().get(0);

        assertThat(root.scalar("token").orElseThrow().tag()).contains("secret");
        assertThat(root.scalar("token").orElseThrow().text()).isEqualTo("influx_token");
        assertThat(root.scalar("customize").orElseThrow().tag()).contains("include_dir_merge_named");
        assertThat(root.entries()).hasSize(5);
    }

    @Test
    void multipleDocumentsAreReadAndEmptyOnesSkipped() {
        List<YamlNode> docs = read("---\na: 1\n---\n---\n# only a comment\n---\nb: 2\n...\n---\n- x\n").documents();

        assertThat(docs).hasSize(3);
        assertThat(docs.get(1).location()).isEqualTo(new Location("f.yaml", 7));
        assertThat(docs.get(2)).isInstanceOf(YamlSeq.class);
    }

    @Test
    void aBlockScalarsLinesStartAfterItsIndicator() {
        YamlScalar block = ((YamlMap) read("x: 1\nconfig: |\n  recorder:\n    db_url: x\n").documents().get(0))
                .scalar("config").orElseThrow();

        assertThat(block.content().at(1)).isEqualTo(new Location("f.yaml", 3));
        assertThat(block.content().at(2)).isEqualTo(new Location("f.yaml", 4));
        YamlMap inner = (YamlMap) YamlReader.read(block.text(), block.content()).documents().get(0);
        assertThat(inner.mapAt("recorder").orElseThrow().keyLocation("db_url")).isEqualTo(new Location("f.yaml", 4));
    }

    @Test
    void aliasesAndMergeKeysAreResolved() {
        YamlMap root = (YamlMap) read("""
                base: &base
                  cpu: 100m
                  memory: 64Mi
                limits: *base
                requests:
                  <<: *base
                  cpu: 50m
                """).documents().get(0);

        assertThat(root.textAt("limits", "memory")).contains("64Mi");
        assertThat(root.textAt("requests", "cpu")).contains("50m");
        assertThat(root.textAt("requests", "memory")).contains("64Mi");
    }

    @Test
    void aSyntaxErrorGivesItsLineAndKeepsTheDocumentsBeforeIt() {
        YamlReader.Result result = read("a: 1\n---\nb: [1, 2\nc: 3\n");

        assertThat(result.documents()).hasSize(1);
        assertThat(result.error()).hasValueSatisfying(e -> {
            assertThat(e.location().line()).isEqualTo(4);
            assertThat(e.message()).contains("flow sequence");
        });
    }

    @Test
    void scalarKindsFollowYaml() {
        YamlMap root = (YamlMap) read("a: true\nb: 'true'\nc: 3\nd: ~\ne:\n").documents().get(0);

        assertThat(root.scalar("a").orElseThrow().isTrue()).isTrue();
        assertThat(root.scalar("b").orElseThrow().isTrue()).isFalse();
        assertThat(root.scalar("c").orElseThrow().kind()).isEqualTo(YamlScalar.Kind.NUMBER);
        assertThat(root.scalar("d")).isEmpty();
        assertThat(root.get("e").orElseThrow().isEmpty()).isTrue();
    }
}
