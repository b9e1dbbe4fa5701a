package io.piha.platform.internal.rules;

import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.App;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.model.Release;
import io.piha.platform.internal.model.Workload;
import io.piha.platform.internal.yaml.YamlScalar;
import java.util.List;
import java.util.Optional;

/** The critical rule: no ephemeral storage (emptyDir, hostPath, nothing) for stateful services. */
final class StatefulEphemeralStorage implements AuditRule {

    static final Rule RULE = new Rule("stateful-ephemeral-storage", Severity.CRITICAL, Phase.STORAGE,
            "A stateful service keeps data on ephemeral or node-local storage",
            "emptyDir is deleted with the pod and a hostPath stays on one node's disk (an SD card or SSD, not the "
                    + "NAS): a restart, a reschedule or a dead Pi loses the data.",
            "Mount a PersistentVolumeClaim on the NAS-backed StorageClass at that path (or enable the chart's "
                    + "persistence with that class).",
            Optional.empty(), "Critical Rules: NO ephemeral storage for stateful services; workloads MUST use "
                    + "NAS-backed PersistentVolumes");

    private static final List<String> SCRATCH = List.of("/tmp", "/var/tmp", "/run", "/var/run", "/dev/shm");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        p.workloads().stream().filter(Workload::isStateful).forEach(w -> workload(w, findings));
        for (App app : App.values()) {
            if (app.stateful()) {
                p.remoteReleases(app).forEach(r -> release(r, findings));
            }
        }
    }

    private static void workload(Workload w, Findings findings) {
        for (PodVolumes.Use u : PodVolumes.of(w)) {
            String path = u.mount().path();
            if (u.kind() == PodVolumes.Kind.EMPTY_DIR && SCRATCH.stream().noneMatch(s -> under(path, s))) {
                findings.add(RULE, u.mount().location(), w.describe() + " keeps " + path + " (container "
                        + u.container().name() + ") on an emptyDir, deleted with the pod");
            } else if (u.kind() == PodVolumes.Kind.HOST_PATH && !Devices.isSystemPath(u.detail())) {
                findings.add(RULE, u.mount().location(), w.describe() + " keeps " + path + " (container "
                        + u.container().name() + ") on the node's disk (hostPath " + u.detail() + ")");
            }
        }
        if (!PodVolumes.hasPersistentVolume(w)) {
            findings.add(RULE, w.podSpecLocation(), w.describe() + " runs a stateful service but mounts no "
                    + "PersistentVolumeClaim: its data lives in the container and dies with it");
        }
    }

    private static void release(Release r, Findings findings) {
        ValuesWalk.walk(r.values(), (key, value, parent) -> {
            if (key.equals("persistence") && value.asMap().flatMap(m -> m.scalar("enabled"))
                    .filter(s -> s.kind() == YamlScalar.Kind.BOOLEAN && !s.isTrue()).isPresent()) {
                findings.add(RULE, value.asMap().get().keyLocation("enabled"), r.describe()
                        + " turns the chart's persistence off");
            }
        });
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
