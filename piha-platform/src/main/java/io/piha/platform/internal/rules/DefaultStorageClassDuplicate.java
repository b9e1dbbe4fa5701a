package io.piha.platform.internal.rules;

import io.piha.platform.Location;
import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.Manifest;
import io.piha.platform.internal.model.Platform;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A1: more than one default StorageClass. */
final class DefaultStorageClassDuplicate implements AuditRule {

    static final Rule RULE = new Rule("storageclass-default-duplicate", Severity.HIGH, Phase.STORAGE,
            "More than one default StorageClass",
            "A PVC without storageClassName then lands on an unpredictable class, possibly a local disk instead of "
                    + "the NAS.",
            "Keep storageclass.kubernetes.io/is-default-class: \"true\" on the NAS class only; set it to \"false\" "
                    + "(or remove it) everywhere else.",
            Optional.of("A1"), "Phase 0 A1: Duplicate Default StorageClass");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        List<Manifest> defaults = new Storage(p).defaults();
        if (defaults.size() > 1) {
            List<Location> at = defaults.stream().map(DefaultStorageClassDuplicate::annotation).toList();
            findings.add(RULE, at.get(0), defaults.size() + " StorageClasses are marked default: "
                    + defaults.stream().map(Manifest::name).collect(Collectors.joining(", ")), at);
        }
    }

    private static Location annotation(Manifest sc) {
        return Storage.DEFAULT_ANNOTATIONS.stream().filter(a -> sc.annotations().entries().containsKey(a))
                .map(a -> sc.annotations().keyLocation(a)).findFirst().orElse(sc.location());
    }
}
