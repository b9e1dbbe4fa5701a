package io.piha.platform.internal.rules;

import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.App;
import io.piha.platform.internal.model.Container;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.model.Workload;
import java.util.Optional;

/** V3: the Matter server in the Home Assistant pod. */
final class MatterInHaPod implements AuditRule {

    static final Rule RULE = new Rule("matter-in-ha-pod", Severity.CRITICAL, Phase.HOME_ASSISTANT,
            "The Matter server runs in the Home Assistant pod",
            "Matter is experimental and must not affect Home Assistant's stability: in the same pod a Matter "
                    + "crash loop or OOM restarts Home Assistant with it.",
            "Remove the matter-server container from the Home Assistant pod and run it as its own Deployment "
                    + "(its own PVC, resources, easy to scale to 0).",
            Optional.of("V3"), "Matter: runs isolated in its own pod; must not affect HA stability if it crashes");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        p.running(App.HOME_ASSISTANT).forEach(w -> {
            for (Container c : w.containers()) {
                if (c.app().filter(App.MATTER_SERVER::equals).isPresent()) {
                    findings.add(RULE, c.location(), describe(w) + " also runs the Matter server (container "
                            + c.name() + ", " + c.image().map(i -> i.text()).orElse("?") + ")");
                }
            }
        });
    }

    private static String describe(Workload w) {
        return "The Home Assistant pod of " + w.describe();
    }
}
