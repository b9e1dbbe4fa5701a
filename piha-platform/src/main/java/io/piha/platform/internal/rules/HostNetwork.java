package io.piha.platform.internal.rules;

import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.model.Release;
import io.piha.platform.internal.yaml.YamlScalar;
import java.util.Optional;

/** A4: pods on the host's network. */
final class HostNetwork implements AuditRule {

    static final Rule RULE = new Rule("host-network", Severity.MEDIUM, Phase.HOME_ASSISTANT,
            "A pod on the host network",
            "hostNetwork shares the node's network namespace: port conflicts with the node and other pods, no "
                    + "network isolation, and no NetworkPolicy applies.",
            "Remove hostNetwork; expose ports through a Service and Ingress. If discovery (mDNS, SSDP) truly needs "
                    + "it, suppress this finding in .piha-audit.yaml with that reason.",
            Optional.of("A4"), "Phase 0 A4: hostNetwork Enabled for Home Assistant");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        p.workloads().forEach(w -> w.podSpec().scalar("hostNetwork").filter(YamlScalar::isTrue)
                .ifPresent(s -> findings.add(RULE, s.location(), w.describe() + " runs on the host network")));
        p.releases().stream().filter(r -> r.localChart().isEmpty()).forEach(r -> release(r, findings));
    }

    private static void release(Release r, Findings findings) {
        ValuesWalk.trueFlags(r.values(), "hostNetwork", s -> findings.add(RULE, s.location(),
                r.describe() + " sets hostNetwork: true in its values"));
    }
}
