package io.piha.platform.internal.rules;

import io.piha.platform.Location;
import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.Manifest;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.model.Release;
import io.piha.platform.internal.model.Workload;
import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlScalar;
import java.util.Optional;

/** Critical rule: persistent data on the NAS. A claim on a local class, or on whatever the cluster defaults to. */
final class PvcNotNas implements AuditRule {

    static final Rule RULE = new Rule("pvc-not-nas", Severity.HIGH, Phase.STORAGE,
            "A volume claim that is not on the NAS",
            "The seed keeps all stateful data on the NAS (snapshots, survives a dead Pi); a local class ties the "
                    + "data to one node's disk, and a claim without a class gets the cluster default (k3s: local-path).",
            "Set storageClassName to the NAS-backed class (declare it with AuditOptions.nasStorageClasses if its "
                    + "name and provisioner do not say NFS or NAS).",
            Optional.empty(), "Critical Rules: All workloads MUST use NAS-backed PersistentVolumes; Storage: NAS via NFS");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        Storage storage = new Storage(p);
        p.ofKind("PersistentVolumeClaim").forEach(m -> claim(m.describe(), m.spec(), storage, findings));
        for (Workload w : p.workloads()) {
            for (YamlMap t : w.claimTemplates()) {
                claim(w.describe() + " volume claim template " + t.textAt("metadata", "name").orElse("?"),
                        t.map("spec").orElse(YamlMap.empty(t.location())), storage, findings);
            }
        }
        p.releases().stream().filter(r -> r.localChart().isEmpty()).forEach(r -> release(r, storage, findings));
    }

    private static void claim(String what, YamlMap spec, Storage storage, Findings findings) {
        Optional<YamlScalar> cls = spec.scalar("storageClassName");
        if (cls.isPresent() && cls.get().text().isEmpty()) {
            return; // bound to a static PersistentVolume by hand
        }
        Optional<String> name = cls.map(YamlScalar::text).or(() -> storage.defaults().stream().findFirst()
                .map(Manifest::name));
        Location at = cls.map(YamlScalar::location).orElse(spec.location());
        if (name.isEmpty()) {
            findings.add(RULE, at, what + " names no storageClassName and the repository marks no default class: "
                    + "the cluster's default decides (k3s: local-path, the node's own disk)");
        } else if (!storage.isNas(name.get())) {
            findings.add(RULE, at, what + " uses StorageClass " + storage.describe(name.get())
                    + (cls.isEmpty() ? " (the default)" : "") + ", which is not NAS-backed");
        }
    }

    private static void release(Release r, Storage storage, Findings findings) {
        ValuesWalk.walk(r.values(), (key, value, parent) -> {
            if ((key.equals("storageClass") || key.equals("storageClassName")) && value instanceof YamlScalar s
                    && !s.text().isEmpty() && !s.text().equals("-") && !storage.isNas(s.text())) {
                findings.add(RULE, s.location(), r.describe() + " puts chart data on StorageClass "
                        + storage.describe(s.text()) + ", which is not NAS-backed");
            }
        });
    }
}
