package io.piha.platform.internal.rules;

import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.Container;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.model.Release;
import io.piha.platform.internal.model.Workload;
import io.piha.platform.internal.yaml.YamlScalar;
import java.util.Optional;

/** A2: privileged containers. */
final class PrivilegedContainer implements AuditRule {

    static final Rule RULE = new Rule("privileged-container", Severity.MEDIUM, Phase.HOME_ASSISTANT,
            "A privileged container",
            "A privileged container is root on the node: every device, every kernel interface. A bug or a "
                    + "compromised integration owns the Pi.",
            "Drop privileged: true; give the one device the container needs (a hostPath CharDevice or a device "
                    + "plugin) and only the capabilities it needs.",
            Optional.of("A2"), "Phase 0 A2: Privileged Container");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        for (Workload w : p.workloads()) {
            for (Container c : w.containers()) {
                c.node().mapAt("securityContext").flatMap(s -> s.scalar("privileged")).filter(YamlScalar::isTrue)
                        .ifPresent(s -> findings.add(RULE, s.location(), w.describe() + " runs container "
                                + c.name() + " privileged"));
            }
        }
        p.releases().stream().filter(r -> r.localChart().isEmpty()).forEach(r -> release(r, findings));
    }

    private static void release(Release r, Findings findings) {
        ValuesWalk.trueFlags(r.values(), "privileged", s -> findings.add(RULE, s.location(),
                r.describe() + " sets privileged: true in its values"));
    }
}
