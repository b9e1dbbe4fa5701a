package io.piha.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import io.piha.platform.internal.report.JsonOutput;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as SARIF 2.1.0 for code-scanning tools (GitHub code scanning, GitLab, IDE viewers): one run, every
 * rule with its description, help and default level, every finding as a result located relative to
 * {@code %SRCROOT%} (the audited repository). Suppressed findings carry an external, accepted suppression with
 * the reason. CRITICAL and HIGH are {@code error}, MEDIUM {@code warning}, LOW and INFO {@code note}.
 *
 * @since 0.1
 */
public final class SarifReport implements ReportRenderer {

    /** The schema URI written in {@code $schema}. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    /** A SARIF renderer. */
    public SarifReport() {
        // stateless
    }

    @Override
    public void write(AuditReport report, Appendable out) throws IOException {
        try (JsonGenerator g = JsonOutput.open(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            Map<String, Integer> index = driver(report.rules(), g);
            g.writeArrayFieldStart("results");
            for (Finding f : report.findings()) {
                result(f, index, g);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        out.append('\n');
    }

    /** SARIF's level for a severity. */
    public static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    private static Map<String, Integer> driver(List<Rule> rules, JsonGenerator g) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "piha-platform");
        g.writeArrayFieldStart("rules");
        for (Rule r : rules) {
            index.put(r.id(), index.size());
            rule(r, g);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        return index;
    }

    private static void rule(Rule r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("name", name(r.id()));
        text(g, "shortDescription", r.title());
        text(g, "fullDescription", r.why());
        text(g, "help", r.fix() + " Seed: " + r.seedReference() + ".");
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(r.severity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString("phase-" + r.phase().number());
        g.writeString(r.severity().name().toLowerCase(Locale.ROOT));
        if (r.seedLabel().isPresent()) {
            g.writeString(r.seedLabel().get());
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void result(Finding f, Map<String, Integer> index, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.rule().id());
        g.writeNumberField("ruleIndex", index.get(f.rule().id()));
        g.writeStringField("level", level(f.severity()));
        text(g, "message", f.message());
        g.writeArrayFieldStart("locations");
        locationObject(g, f.location(), -1);
        g.writeEndArray();
        if (!f.related().isEmpty()) {
            g.writeArrayFieldStart("relatedLocations");
            for (int i = 0; i < f.related().size(); i++) {
                locationObject(g, f.related().get(i), i);
            }
            g.writeEndArray();
        }
        if (f.suppression().isPresent()) {
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "external");
            g.writeStringField("status", "accepted");
            g.writeStringField("justification", f.suppression().get().reason());
            g.writeFieldName("location");
            locationObject(g, f.suppression().get().declaredAt(), -1);
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void locationObject(JsonGenerator g, Location at, int id) throws IOException {
        g.writeStartObject();
        if (id >= 0) {
            g.writeNumberField("id", id);
        }
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(at.path()));
        g.writeStringField("uriBaseId", "%SRCROOT%");
        g.writeEndObject();
        if (at.hasLine()) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", at.line());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    /** A relative URI reference for a repository path (spaces and the like percent-encoded). */
    static String uri(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + path, e);
        }
    }

    private static String name(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
