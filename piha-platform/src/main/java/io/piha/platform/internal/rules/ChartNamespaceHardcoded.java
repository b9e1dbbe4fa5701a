package io.piha.platform.internal.rules;

import io.piha.platform.Location;
import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.model.Platform.TemplateSource;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A5: a literal namespace in a chart template, read from the template's text (rendered or not). */
final class ChartNamespaceHardcoded implements AuditRule {

    static final Rule RULE = new Rule("chart-namespace-hardcoded", Severity.MEDIUM, Phase.HOME_ASSISTANT,
            "A namespace written into a chart template",
            "The chart ignores the release's namespace: installed elsewhere (or with targetNamespace) its objects "
                    + "land in the old namespace, split from their Service, PVC and Secrets.",
            "Write namespace: {{ .Release.Namespace }} (or leave it out) in chart templates.",
            Optional.of("A5"), "Phase 0 A5: Hardcoded Namespace in Deployment Template");

    private static final Pattern LITERAL = Pattern.compile(
            "^\\s+namespace:\\s*[\"']?([a-z0-9]([-a-z0-9]*[a-z0-9])?)[\"']?\\s*(#.*)?$");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        for (TemplateSource t : p.templates()) {
            String[] lines = t.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = LITERAL.matcher(lines[i]);
                if (m.matches()) {
                    findings.add(RULE, new Location(t.path(), i + 1), t.path() + " hard-codes namespace "
                            + m.group(1) + " instead of {{ .Release.Namespace }}");
                }
            }
        }
    }
}
