package io.piha.platform.internal.rules;

import io.piha.platform.internal.model.Container;
import io.piha.platform.internal.model.Workload;
import io.piha.platform.internal.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What backs each mount of a workload: a claim, a claim template, emptyDir, a host path, NFS, config. */
final class PodVolumes {

    enum Kind { CLAIM, CLAIM_TEMPLATE, EMPTY_DIR, HOST_PATH, NFS, CONFIG, OTHER }

    /** One mount and what backs it ({@code detail}: the claim name or host path). */
    record Use(Container container, Container.Mount mount, Kind kind, String detail) {
    }

    private PodVolumes() {
    }

    static List<Use> of(Workload w) {
        List<Use> out = new ArrayList<>();
        List<String> templates = w.claimTemplates().stream().flatMap(t -> t.textAt("metadata", "name").stream())
                .toList();
        for (Container c : w.containers()) {
            for (Container.Mount m : c.mounts()) {
                if (templates.contains(m.volume())) {
                    out.add(new Use(c, m, Kind.CLAIM_TEMPLATE, m.volume()));
                } else {
                    Optional<YamlMap> v = w.volume(m.volume());
                    out.add(v.map(vol -> classify(c, m, vol)).orElse(new Use(c, m, Kind.OTHER, "")));
                }
            }
        }
        return out;
    }

    private static Use classify(Container c, Container.Mount m, YamlMap v) {
        if (v.entries().containsKey("persistentVolumeClaim")) {
            return new Use(c, m, Kind.CLAIM, v.textAt("persistentVolumeClaim", "claimName").orElse(""));
        }
        if (v.entries().containsKey("emptyDir")) {
            return new Use(c, m, Kind.EMPTY_DIR, "");
        }
        if (v.entries().containsKey("hostPath")) {
            return new Use(c, m, Kind.HOST_PATH, v.textAt("hostPath", "path").orElse(""));
        }
        if (v.entries().containsKey("nfs")) {
            return new Use(c, m, Kind.NFS, v.textAt("nfs", "server").orElse(""));
        }
        boolean config = v.entries().keySet().stream().anyMatch(k -> k.equals("configMap") || k.equals("secret")
                || k.equals("projected") || k.equals("downwardAPI"));
        return new Use(c, m, config ? Kind.CONFIG : Kind.OTHER, "");
    }

    /** Whether the workload keeps any data on a claim, a claim template or NFS. */
    static boolean hasPersistentVolume(Workload w) {
        return of(w).stream().anyMatch(u -> u.kind() == Kind.CLAIM || u.kind() == Kind.CLAIM_TEMPLATE
                || u.kind() == Kind.NFS);
    }
}
