package io.piha.platform;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report for people: a summary, then the findings grouped by the seed's phases in its order, one line each
 * ({@code [CRITICAL] V1 recorder-sqlite  charts/home-assistant/values.yaml:73  In ...}) with why and fix
 * indented below. Suppressed findings stay in place, marked, with their reason.
 *
 * @since 0.1
 */
public final class TextReport implements ReportRenderer {

    /** A text renderer. */
    public TextReport() {
        // stateless
    }

    @Override
    public void write(AuditReport report, Appendable out) throws IOException {
        out.append("PiHA platform audit of ").append(report.repository()).append('\n');
        out.append(summary(report)).append('\n');
        for (Phase phase : Phase.values()) {
            List<Finding> inPhase = report.findings().stream().filter(f -> f.phase() == phase).toList();
            if (inPhase.isEmpty() && phase == Phase.ASSESSMENT) {
                continue;
            }
            out.append('\n').append(phase.heading());
            if (inPhase.isEmpty()) {
                out.append(": nothing found\n");
                continue;
            }
            out.append('\n');
            for (Finding f : inPhase) {
                finding(f, out);
            }
        }
    }

    private static String summary(AuditReport report) {
        int suppressed = report.suppressed().size();
        String bySeverity = java.util.Arrays.stream(Severity.values()).filter(s -> report.count(s) > 0)
                .map(s -> report.count(s) + " " + s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        int open = report.unsuppressed().size();
        return (open == 0 ? "No findings" : open + (open == 1 ? " finding" : " findings") + " (" + bySeverity + ")")
                + (suppressed > 0 ? ", " + suppressed + " suppressed" : "") + "; " + plural(report.filesRead(), "file")
                + " and " + plural(report.manifestsRead(), "object") + " read";
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void finding(Finding f, Appendable out) throws IOException {
        String severity = "[" + (f.isSuppressed() ? "suppressed " : "") + f.severity().name() + "]";
        out.append(pad(severity, 10)).append(' ').append(pad(f.rule().seedLabel().orElse("--"), 2)).append(' ')
                .append(f.rule().id()).append("  ").append(f.location().toString()).append("  ")
                .append(f.message()).append('\n');
        out.append("    why: ").append(f.rule().why()).append('\n');
        out.append("    fix: ").append(f.rule().fix()).append('\n');
        if (!f.related().isEmpty()) {
            out.append("    also: ").append(f.related().stream().map(Location::toString)
                    .collect(Collectors.joining(", "))).append('\n');
        }
        if (f.suppression().isPresent()) {
            Suppression s = f.suppression().get();
            out.append("    suppressed: ").append(s.reason()).append(" (").append(s.declaredAt().toString())
                    .append(")\n");
        }
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
