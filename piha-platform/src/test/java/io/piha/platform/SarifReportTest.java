package io.piha.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SARIF output validates against the OASIS SARIF 2.1.0 schema (vendored in src/test/resources/sarif). */
class SarifReportTest {

    private static Schema schema;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
    }

    private static List<Error> validate(String sarif) {
        return schema.validate(sarif, InputFormat.JSON);
    }

    @Test
    void thePhase0ReportIsValidSarif() {
        String sarif = new SarifReport().render(Fixtures.audit("seed-phase0"));

        assertThat(validate(sarif)).isEmpty();
    }

    @Test
    void suppressionsRelatedLocationsAndDirectoriesAreValidSarifToo() {
        AuditReport withSuppressions = Fixtures.audit("suppressions");
        assertThat(withSuppressions.suppressed()).isNotEmpty();

        assertThat(validate(new SarifReport().render(withSuppressions))).isEmpty();
        assertThat(validate(new SarifReport().render(Fixtures.audit("bad-input")))).isEmpty();
        assertThat(validate(new SarifReport().render(Fixtures.audit("seed-after")))).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatSarifForbids() {
        String sarif = new SarifReport().render(Fixtures.audit("seed-phase0")).replace("\"level\" : \"error\"",
                "\"level\" : \"fatal\"");

        assertThat(validate(sarif)).isNotEmpty();
    }

    @Test
    void resultsPointAtTheirRuleFileLineAndLevel() throws IOException {
        JsonNode run = json.readTree(new SarifReport().render(Fixtures.audit("seed-phase0"))).get("runs").get(0);
        JsonNode rules = run.at("/tool/driver/rules");

        assertThat(run.get("results")).hasSize(14).allSatisfy(r -> {
            assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
            assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        });
        JsonNode v1 = findResult(run, "recorder-sqlite");
        assertThat(v1.get("level").asText()).isEqualTo("error");
        assertThat(v1.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("charts/home-assistant/values.yaml");
        assertThat(v1.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(73);
        assertThat(findResult(run, "node-selector-inconsistent").get("level").asText()).isEqualTo("note");
        assertThat(findResult(run, "recorder-postgresql-missing").at("/locations/0/physicalLocation/region")
                .isMissingNode()).isTrue();
    }

    @Test
    void aSuppressedFindingCarriesItsReasonAsAnAcceptedExternalSuppression() throws IOException {
        JsonNode run = json.readTree(new SarifReport().render(Fixtures.audit("suppressions"))).get("runs").get(0);

        JsonNode suppressed = findResult(run, "host-network");
        assertThat(suppressed.at("/suppressions/0/kind").asText()).isEqualTo("external");
        assertThat(suppressed.at("/suppressions/0/status").asText()).isEqualTo("accepted");
        assertThat(suppressed.at("/suppressions/0/justification").asText()).contains("Thread border routers");
    }

    private static JsonNode findResult(JsonNode run, String ruleId) {
        for (JsonNode r : run.get("results")) {
            if (r.get("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no result of " + ruleId);
    }
}
