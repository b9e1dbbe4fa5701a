package io.piha.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Writes an {@link AuditReport} in one format: {@link TextReport} for people, {@link JsonReport} for scripts,
 * {@link SarifReport} (SARIF 2.1.0) for code-scanning tools. Implementations are stateless and thread-safe.
 *
 * @since 0.1
 */
public interface ReportRenderer {

    /** Writes the report to {@code out} (a {@code PrintStream}, a {@code Writer}, a {@code StringBuilder}). */
    void write(AuditReport report, Appendable out) throws IOException;

    /** The report as a string. */
    default String render(AuditReport report) {
        StringBuilder out = new StringBuilder();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder never throws
        }
        return out.toString();
    }

    /**
     * The renderer for a format name: {@code text}, {@code json} or {@code sarif} (any case).
     *
     * @throws IllegalArgumentException naming the formats when {@code format} is none of them
     */
    static ReportRenderer forFormat(String format) {
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "text" -> new TextReport();
            case "json" -> new JsonReport();
            case "sarif" -> new SarifReport();
            default -> throw new IllegalArgumentException("unknown report format '" + format
                    + "': use text, json or sarif");
        };
    }
}
