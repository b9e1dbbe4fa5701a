package io.piha.platform.internal.rules;

import io.piha.platform.Location;
import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.Container;
import io.piha.platform.internal.model.Manifest;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.model.Release;
import io.piha.platform.internal.model.Workload;
import io.piha.platform.internal.yaml.YamlNode;
import io.piha.platform.internal.yaml.YamlScalar;
import java.util.Optional;

/** A3: credentials written in the repository. Messages name the key, never the value. */
final class LiteralCredential implements AuditRule {

    static final Rule RULE = new Rule("literal-credential", Severity.HIGH, Phase.OBSERVABILITY,
            "A credential written in plain text in the repository",
            "Everything in Git is readable by everyone with the repository, forever (history keeps it); default "
                    + "passwords like admin are the first thing tried.",
            "Rotate the credential, then keep it in a SealedSecret (or SOPS) and reference it: env valueFrom."
                    + "secretKeyRef, a chart's existingSecret, !secret in Home Assistant.",
            Optional.of("A3"), "Phase 0 A3: Hardcoded Grafana Admin Password (Sealed Secrets for credentials)");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        p.workloads().forEach(w -> w.containers().forEach(c -> env(w, c, findings)));
        for (Release r : p.releases()) {
            tree(r.values(), "the values of " + r.describe(), findings);
        }
        p.haConfigs().forEach(c -> tree(c.root(), "Home Assistant configuration (" + c.source() + ")", findings));
        for (Manifest m : p.manifests()) {
            if (m.is("", "ConfigMap")) {
                m.node().map("data").ifPresent(d -> d.entries().forEach((k, v) -> v.asScalar()
                        .filter(s -> Credentials.isCredentialKey(k) && Credentials.isLiteral(s))
                        .ifPresent(s -> findings.add(RULE, s.location(), m.describe() + " holds " + k
                                + " in plain text"))));
            } else if (m.is("", "Secret") && !m.node().entries().containsKey("sops")
                    && (hasData(m, "data") || hasData(m, "stringData"))) {
                findings.add(RULE, m.location(), m.describe() + " is a Secret committed in plain text (base64 is an "
                        + "encoding, not encryption)");
            }
        }
        p.tree().yamlFiles().stream().filter(f -> f.equals("secrets.yaml") || f.endsWith("/secrets.yaml"))
                .forEach(f -> p.tree().documents(f).forEach(d -> tree(d, f, findings)));
        p.templates().stream().map(t -> t.path().substring(0, Math.max(t.path().indexOf("/templates/"), 0)))
                .distinct().forEach(dir -> chartValues(p, dir, findings));
    }

    private static boolean hasData(Manifest m, String key) {
        return m.node().map(key).filter(d -> !d.isEmpty()).isPresent();
    }

    private static void chartValues(Platform p, String chartDir, Findings findings) {
        String values = chartDir.isEmpty() ? "values.yaml" : chartDir + "/values.yaml";
        if (p.tree().isFile(values)) {
            p.tree().documents(values).forEach(d -> tree(d, values, findings));
        }
    }

    private static void env(Workload w, Container c, Findings findings) {
        c.node().seq("env").ifPresent(env -> env.maps().forEach(e -> {
            String name = e.text("name").orElse("?");
            e.scalar("value").ifPresent(v -> {
                if (Credentials.isCredentialKey(name) && Credentials.isLiteral(v)) {
                    findings.add(RULE, v.location(), w.describe() + " container " + c.name() + " sets " + name
                            + " to a literal value");
                } else if (Credentials.hasUrlPassword(v.text())) {
                    findings.add(RULE, v.location(), w.describe() + " container " + c.name() + " sets " + name
                            + " to a URL with a password in it");
                }
            });
        }));
    }

    private static void tree(YamlNode node, String what, Findings findings) {
        ValuesWalk.walk(node, (key, value, parent) -> {
            if (!(value instanceof YamlScalar s)) {
                return;
            }
            Location at = s.location();
            if (Credentials.isCredentialKey(key) && Credentials.isLiteral(s)) {
                findings.add(RULE, at, what + " holds " + key + " in plain text");
            } else if (s.kind() == YamlScalar.Kind.STRING && Credentials.hasUrlPassword(s.text())
                    && !s.text().contains("\n")) {
                findings.add(RULE, at, what + " holds a URL with a password in " + key);
            }
        });
    }
}
