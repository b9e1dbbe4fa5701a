package io.piha.platform.internal.model;

import io.piha.platform.Location;
import io.piha.platform.internal.yaml.YamlMap;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A workload and its pod: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob or Pod.
 *
 * @param manifest the object
 * @param pod the pod template (metadata and spec)
 * @param podSpec the pod spec
 * @param containers init containers first, then containers
 * @param apps the applications its containers run (worked out once: every rule asks)
 */
public record Workload(Manifest manifest, YamlMap pod, YamlMap podSpec, List<Container> containers, Set<App> apps) {

    /** Copies. */
    public Workload {
        containers = List.copyOf(containers);
        apps = Set.copyOf(apps);
    }

    /** The workload of an object, if it is one. */
    public static Optional<Workload> of(Manifest m) {
        Optional<YamlMap> pod = switch (m.kind()) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> m.spec().map("template");
            case "CronJob" -> m.spec().mapAt("jobTemplate", "spec", "template");
            case "Pod" -> Optional.of(m.node());
            default -> Optional.empty();
        };
        return pod.flatMap(p -> p.map("spec").map(spec -> {
            List<Container> containers = containersOf(spec);
            Set<App> apps = EnumSet.noneOf(App.class);
            containers.forEach(c -> c.app().ifPresent(apps::add));
            return new Workload(m, p, spec, containers, apps);
        }));
    }

    private static List<Container> containersOf(YamlMap spec) {
        List<Container> out = new ArrayList<>();
        spec.seq("initContainers").ifPresent(s -> s.maps().forEach(c -> out.add(
                new Container(c, c.text("name").orElse("?"), true))));
        spec.seq("containers").ifPresent(s -> s.maps().forEach(c -> out.add(
                new Container(c, c.text("name").orElse("?"), false))));
        return out;
    }

    /** Whether a container runs {@code app}. */
    public boolean runs(App app) {
        return apps.contains(app);
    }

    /** Whether it keeps data: a StatefulSet, or a container of a stateful application. */
    public boolean isStateful() {
        return manifest.kind().equals("StatefulSet") || apps.stream().anyMatch(App::stateful);
    }

    /** Whether it runs continuously as a fixed set of pods (not a DaemonSet, Job or CronJob). */
    public boolean isService() {
        return switch (manifest.kind()) {
            case "Deployment", "StatefulSet", "ReplicaSet", "Pod" -> true;
            default -> false;
        };
    }

    /** How many pods it asks for ({@code spec.replicas}, default 1). */
    public int replicas() {
        return manifest.spec().text("replicas").map(r -> {
            try {
                return Integer.parseInt(r);
            } catch (NumberFormatException e) {
                return 1;
            }
        }).orElse(1);
    }

    /** The pod volume named {@code name}. */
    public Optional<YamlMap> volume(String name) {
        return podSpec.seq("volumes").flatMap(s -> s.maps().filter(v -> v.text("name").filter(name::equals)
                .isPresent()).findFirst());
    }

    /** The names of a StatefulSet's volume claim templates. */
    public List<YamlMap> claimTemplates() {
        return manifest.spec().seq("volumeClaimTemplates").map(s -> s.maps().toList()).orElse(List.of());
    }

    /** Where the pod spec is written (its {@code spec:} key). */
    public Location podSpecLocation() {
        return pod.keyLocation("spec");
    }

    /** {@code Deployment home-assistant in home-automation}. */
    public String describe() {
        return manifest.describe();
    }
}
