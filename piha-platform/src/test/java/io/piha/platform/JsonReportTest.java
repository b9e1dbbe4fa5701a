package io.piha.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyFindingCarriesRuleSeedLabelSeverityPhasePlaceAndAdvice() throws IOException {
        JsonNode root = json.readTree(new JsonReport().render(Fixtures.audit("seed-phase0")));

        assertThat(root.at("/summary/findings").asInt()).isEqualTo(14);
        assertThat(root.at("/summary/critical").asInt()).isEqualTo(6);
        JsonNode first = root.get("findings").get(0);
        assertThat(first.get("rule").asText()).isEqualTo("recorder-sqlite");
        assertThat(first.get("seedLabel").asText()).isEqualTo("V1");
        assertThat(first.get("severity").asText()).isEqualTo("critical");
        assertThat(first.get("phase").asInt()).isEqualTo(1);
        assertThat(first.get("path").asText()).isEqualTo("charts/home-assistant/values.yaml");
        assertThat(first.get("line").asInt()).isEqualTo(73);
        assertThat(first.get("why").asText()).contains("SQLite");
        assertThat(first.get("fix").asText()).contains("db_url");
        assertThat(first.get("suppressed").asBoolean()).isFalse();
        assertThat(root.get("findings")).extracting(f -> f.get("phase").asInt()).isSorted();
    }

    @Test
    void aDirectoryFindingHasNoLineAndASuppressedOneHasItsReason() throws IOException {
        JsonNode phase0 = json.readTree(new JsonReport().render(Fixtures.audit("seed-phase0")));
        JsonNode suppressions = json.readTree(new JsonReport().render(Fixtures.audit("suppressions")));

        JsonNode v2 = phase0.get("findings").get(1);
        assertThat(v2.get("path").asText()).isEqualTo("clusters/microk8s/databases/postgresql/");
        assertThat(v2.has("line")).isFalse();
        assertThat(suppressions.at("/summary/suppressed").asInt()).isEqualTo(1);
        for (JsonNode f : suppressions.get("findings")) {
            assertThat(f.has("suppression")).isEqualTo(f.get("suppressed").asBoolean());
        }
    }

    @Test
    void itWritesToAWriterAndTheFormatsAreFoundByName() throws IOException {
        StringWriter out = new StringWriter();
        ReportRenderer.forFormat("JSON").write(Fixtures.audit("seed-after"), out);

        assertThat(json.readTree(out.toString()).get("findings")).isEmpty();
        assertThat(ReportRenderer.forFormat("sarif")).isInstanceOf(SarifReport.class);
        assertThat(ReportRenderer.forFormat(" text ")).isInstanceOf(TextReport.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportRenderer.forFormat("xml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text, json or sarif");
    }
}
