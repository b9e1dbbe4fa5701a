package io.piha.platform.internal.rules;

import io.piha.platform.internal.model.Container;
import io.piha.platform.internal.model.Manifest;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.model.Workload;
import io.piha.platform.internal.yaml.YamlNode;
import io.piha.platform.internal.yaml.YamlScalar;
import io.piha.platform.internal.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the repository declares as backups: backup Jobs and CronJobs (by name or by tool), Velero and k8up
 * schedules, VolSync sources, VolumeSnapshots and CloudNativePG scheduled backups.
 */
final class Backups {

    private static final Pattern TOOL = Pattern.compile(
            "pg_dump|pg_dumpall|pg_basebackup|pgbackrest|influx backup|influxd backup|restic|borg|kopia|rclone|velero");

    /** One piece of evidence: where it is and what it names. */
    private record Evidence(Set<String> namespaces, Set<String> claims, String text) {
    }

    private final List<Evidence> evidence = new ArrayList<>();

    Backups(Platform p) {
        for (Workload w : p.workloads()) {
            boolean batch = w.manifest().kind().equals("CronJob") || w.manifest().kind().equals("Job");
            String text = text(w);
            if (batch && (w.manifest().name().toLowerCase(Locale.ROOT).contains("backup") || TOOL.matcher(text).find())) {
                Set<String> claims = new HashSet<>();
                PodVolumes.of(w).stream().filter(u -> u.kind() == PodVolumes.Kind.CLAIM).forEach(u -> claims.add(u.detail()));
                evidence.add(new Evidence(Set.of(w.manifest().namespace()), claims, text));
            }
        }
        for (Manifest m : p.manifests()) {
            String group = m.apiVersion().contains("/") ? m.apiVersion().substring(0, m.apiVersion().indexOf('/')) : "";
            if (m.kind().equals("Schedule") && group.equals("velero.io")) {
                Set<String> ns = new HashSet<>(strings(m.spec().mapAt("template").flatMap(t -> t.seq("includedNamespaces"))
                        .map(s -> (YamlNode) s).orElse(null)));
                evidence.add(new Evidence(ns.isEmpty() ? Set.of("*") : ns, Set.of(), ""));
            } else if (m.kind().equals("Schedule") && group.equals("k8up.io")
                    || m.kind().equals("ScheduledBackup") && group.equals("postgresql.cnpg.io")) {
                evidence.add(new Evidence(Set.of(m.namespace()), Set.of(), ""));
            } else if (m.kind().equals("ReplicationSource") && group.equals("volsync.backube")) {
                evidence.add(new Evidence(Set.of(m.namespace()), Set.copyOf(m.spec().text("sourcePVC").stream().toList()), ""));
            } else if (m.kind().equals("VolumeSnapshot") && group.equals("snapshot.storage.k8s.io")) {
                evidence.add(new Evidence(Set.of(m.namespace()), Set.copyOf(m.spec()
                        .textAt("source", "persistentVolumeClaimName").stream().toList()), ""));
            }
        }
    }

    private static String text(Workload w) {
        StringBuilder out = new StringBuilder(w.manifest().name()).append(' ');
        for (Container c : w.containers()) {
            for (String key : List.of("command", "args")) {
                c.node().get(key).ifPresent(n -> strings(n).forEach(s -> out.append(s).append(' ')));
            }
            c.node().seq("env").ifPresent(env -> env.maps().forEach(e -> e.text("value")
                    .ifPresent(v -> out.append(v).append(' '))));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static List<String> strings(YamlNode node) {
        if (node instanceof YamlSeq s) {
            return s.items().stream().flatMap(i -> i.asScalar().stream()).map(YamlScalar::text).toList();
        }
        if (node instanceof YamlScalar s) {
            return List.of(s.text());
        }
        return List.of();
    }

    /** Whether a backup names the component: its claims, or its name in its namespace (or by service host). */
    boolean covers(String namespace, String name, Set<String> claims) {
        String host = (name + "." + namespace).toLowerCase(Locale.ROOT);
        String lowerName = name.toLowerCase(Locale.ROOT);
        for (Evidence e : evidence) {
            boolean sameNamespace = e.namespaces.contains(namespace) || e.namespaces.contains("*");
            boolean claim = e.claims.stream().anyMatch(c -> claims.stream().anyMatch(own -> own.equals(c)
                    || c.startsWith(own + "-")));
            if (claim && sameNamespace || e.text.contains(host)) {
                return true;
            }
            if (sameNamespace && (e.text.isEmpty() && e.claims.isEmpty() || e.text.contains(lowerName))) {
                return true;
            }
        }
        return false;
    }
}
