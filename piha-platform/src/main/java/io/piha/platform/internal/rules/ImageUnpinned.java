package io.piha.platform.internal.rules;

import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.Container;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.model.Release;
import io.piha.platform.internal.model.Workload;
import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlScalar;
import java.util.Optional;
import java.util.Set;

/** Critical rule: no auto-upgrades without pinning. Images on latest, without a tag, on a range, or under Keel. */
final class ImageUnpinned implements AuditRule {

    static final Rule RULE = new Rule("image-unpinned", Severity.HIGH, Phase.HOME_ASSISTANT,
            "An image that is not pinned, or upgraded automatically",
            "A pod restart after a power cut then pulls a different version than the one that ran: an untested "
                    + "upgrade of Home Assistant or its database at the worst moment.",
            "Pin an explicit version tag (or a digest) and upgrade by commit; let Renovate or Flux image "
                    + "automation propose the new tag in Git instead of the cluster pulling it.",
            Optional.empty(), "Critical Rules: NO auto-upgrades without version pinning");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        Set<String> floating = p.options().floatingTags();
        for (Workload w : p.workloads()) {
            for (Container c : w.containers()) {
                Optional<YamlScalar> image = c.image();
                image.flatMap(i -> Pins.image(i.text(), floating)).ifPresent(why -> findings.add(RULE,
                        image.get().location(), w.describe() + " container " + c.name() + " runs "
                                + image.get().text() + ": " + why));
            }
            w.manifest().annotations().scalar("keel.sh/policy").filter(s -> !s.text().equals("never"))
                    .ifPresent(s -> findings.add(RULE, s.location(), "Keel upgrades " + w.describe()
                            + " by itself (keel.sh/policy: " + s.text() + ")"));
        }
        p.releases().stream().filter(r -> r.localChart().isEmpty()).forEach(r -> release(r, floating, findings));
    }

    private static void release(Release r, Set<String> floating, Findings findings) {
        ValuesWalk.walk(r.values(), (key, value, parent) -> {
            if (!key.equals("image")) {
                return;
            }
            if (value instanceof YamlMap m) {
                m.scalar("tag").filter(t -> !t.text().isEmpty()).ifPresent(t -> Pins.tagProblem(t.text(), floating)
                        .ifPresent(why -> findings.add(RULE, t.location(), r.describe() + " sets image " + why)));
            } else if (value instanceof YamlScalar s && s.text().contains(":")) {
                Pins.image(s.text(), floating).ifPresent(why -> findings.add(RULE, s.location(), r.describe()
                        + " sets image " + s.text() + ": " + why));
            }
        });
    }
}
