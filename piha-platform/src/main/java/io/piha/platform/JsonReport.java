package io.piha.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import io.piha.platform.internal.report.JsonOutput;
import java.io.IOException;
import java.util.Locale;

/**
 * The report as JSON for scripts: a summary and every finding with its rule, seed label, severity, phase,
 * path, line, message, why, fix, related places and suppression.
 *
 * <pre>{@code
 * {"repository": "...", "summary": {"findings": 14, "suppressed": 0, "critical": 6, ...},
 *  "findings": [{"rule": "recorder-sqlite", "seedLabel": "V1", "severity": "critical", "phase": 1, ...}]}
 * }</pre>
 *
 * @since 0.1
 */
public final class JsonReport implements ReportRenderer {

    /** A JSON renderer. */
    public JsonReport() {
        // stateless
    }

    @Override
    public void write(AuditReport report, Appendable out) throws IOException {
        try (JsonGenerator g = JsonOutput.open(out)) {
            g.writeStartObject();
            g.writeStringField("tool", "piha-platform");
            g.writeStringField("repository", report.repository());
            summary(report, g);
            g.writeArrayFieldStart("findings");
            for (Finding f : report.findings()) {
                finding(f, g);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.append('\n');
    }

    private static void summary(AuditReport report, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeNumberField("findings", report.unsuppressed().size());
        g.writeNumberField("suppressed", report.suppressed().size());
        for (Severity s : Severity.values()) {
            g.writeNumberField(s.name().toLowerCase(Locale.ROOT), report.count(s));
        }
        g.writeNumberField("filesRead", report.filesRead());
        g.writeNumberField("objectsRead", report.manifestsRead());
        g.writeEndObject();
    }

    private static void finding(Finding f, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", f.rule().id());
        if (f.rule().seedLabel().isPresent()) {
            g.writeStringField("seedLabel", f.rule().seedLabel().get());
        }
        g.writeStringField("severity", f.severity().name().toLowerCase(Locale.ROOT));
        g.writeNumberField("phase", f.phase().number());
        g.writeStringField("phaseTitle", f.phase().title());
        JsonOutput.location(g, f.location());
        g.writeStringField("message", f.message());
        g.writeStringField("why", f.rule().why());
        g.writeStringField("fix", f.rule().fix());
        g.writeArrayFieldStart("related");
        for (Location r : f.related()) {
            g.writeStartObject();
            JsonOutput.location(g, r);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanField("suppressed", f.isSuppressed());
        if (f.suppression().isPresent()) {
            g.writeObjectFieldStart("suppression");
            g.writeStringField("reason", f.suppression().get().reason());
            JsonOutput.location(g, f.suppression().get().declaredAt());
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
