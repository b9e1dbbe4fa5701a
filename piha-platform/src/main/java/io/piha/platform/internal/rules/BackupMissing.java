package io.piha.platform.internal.rules;

import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.App;
import io.piha.platform.internal.model.Manifest;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.model.Release;
import io.piha.platform.internal.model.Workload;
import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Phase 6: Home Assistant's configuration, PostgreSQL, InfluxDB and Zigbee2MQTT state must be backed up. Data on
 * a NAS-backed claim counts as covered by NAS snapshots (the seed's preferred strategy), except PostgreSQL, for
 * which the seed asks a backup job; anything else needs a backup the repository declares.
 */
final class BackupMissing implements AuditRule {

    static final Rule RULE = new Rule("backup-missing", Severity.HIGH, Phase.BACKUP,
            "Stateful data without a backup",
            "The seed must recover from anything: Home Assistant config, PostgreSQL, InfluxDB and Zigbee2MQTT "
                    + "state are the home's memory. Data off the NAS has no snapshot; a live PostgreSQL needs a dump "
                    + "to restore from with confidence.",
            "Keep the data on the NAS-backed class (NAS snapshots), add a pg_dump CronJob (or CloudNativePG "
                    + "ScheduledBackup) writing to the NAS for PostgreSQL, and document and test the restore.",
            Optional.empty(), "Backup & Disaster Recovery: must cover HA config, PostgreSQL, InfluxDB, Zigbee2MQTT "
                    + "state; prefer NAS snapshots; Phase 6");

    private static final List<App> COVERED = List.of(App.HOME_ASSISTANT, App.POSTGRESQL, App.INFLUXDB,
            App.ZIGBEE2MQTT);

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(Platform p, Findings findings) {
        Backups backups = new Backups(p);
        Storage storage = new Storage(p);
        for (App app : COVERED) {
            p.running(app).filter(Workload::isService).forEach(w -> {
                Set<String> claims = claims(w);
                boolean snapshots = app != App.POSTGRESQL && onNas(w, storage);
                if (!snapshots && !backups.covers(w.manifest().namespace(), w.manifest().name(), claims)) {
                    findings.add(RULE, w.manifest().location(), message(w.describe(), app));
                }
            });
            p.remoteReleases(app).forEach(r -> {
                boolean snapshots = app != App.POSTGRESQL && onNas(r, storage);
                if (!snapshots && !backups.covers(r.namespace(), r.releaseName(), Set.of(r.releaseName()))) {
                    findings.add(RULE, r.manifest().location(), message(r.describe(), app));
                }
            });
        }
    }

    private static String message(String what, App app) {
        return app == App.POSTGRESQL
                ? what + " (PostgreSQL) has no backup job, CloudNativePG ScheduledBackup, Velero/k8up schedule or "
                        + "VolSync source: a NAS snapshot of a live data directory is only crash-consistent"
                : what + " (" + app.title() + ") keeps its data off the NAS (no snapshot covers it) and no backup "
                        + "job, Velero/k8up schedule, VolSync source or VolumeSnapshot names it";
    }

    private static Set<String> claims(Workload w) {
        Set<String> out = new HashSet<>();
        PodVolumes.of(w).stream().filter(u -> u.kind() == PodVolumes.Kind.CLAIM || u.kind() == PodVolumes.Kind.CLAIM_TEMPLATE)
                .forEach(u -> out.add(u.detail()));
        return out;
    }

    /** Whether every persistent volume of the workload is on a NAS-backed class (and it has one). */
    private static boolean onNas(Workload w, Storage storage) {
        List<Boolean> verdicts = new ArrayList<>();
        for (PodVolumes.Use u : PodVolumes.of(w)) {
            switch (u.kind()) {
                case NFS -> verdicts.add(true);
                case CLAIM -> verdicts.add(storage.claim(w.manifest().namespace(), u.detail())
                        .map(pvc -> classIsNas(pvc.spec(), storage)).orElse(false));
                case CLAIM_TEMPLATE -> verdicts.add(w.claimTemplates().stream()
                        .filter(t -> t.textAt("metadata", "name").filter(u.detail()::equals).isPresent())
                        .findFirst().map(t -> classIsNas(t.map("spec").orElse(YamlMap.empty(t.location())), storage))
                        .orElse(false));
                default -> {
                }
            }
        }
        return !verdicts.isEmpty() && verdicts.stream().allMatch(v -> v);
    }

    private static boolean classIsNas(YamlMap claimSpec, Storage storage) {
        return claimSpec.text("storageClassName").or(() -> storage.defaults().stream().findFirst().map(Manifest::name))
                .map(storage::isNas).orElse(false);
    }

    private static boolean onNas(Release r, Storage storage) {
        List<YamlScalar> classes = new ArrayList<>();
        boolean[] disabled = {false};
        ValuesWalk.walk(r.values(), (key, value, parent) -> {
            if ((key.equals("storageClass") || key.equals("storageClassName")) && value instanceof YamlScalar s) {
                classes.add(s);
            }
            if (key.equals("enabled") && value instanceof YamlScalar s && !s.isTrue()
                    && s.kind() == YamlScalar.Kind.BOOLEAN && parent.entries().containsKey("storageClass")) {
                disabled[0] = true;
            }
        });
        if (disabled[0]) {
            return false;
        }
        if (classes.isEmpty()) {
            return storage.defaults().stream().findFirst().map(d -> storage.isNas(d.name())).orElse(false);
        }
        return classes.stream().allMatch(s -> storage.isNas(s.text()));
    }
}
