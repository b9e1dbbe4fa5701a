package io.piha.platform.internal.repo;

import io.piha.platform.Location;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.Manifest;
import io.piha.platform.internal.source.InputRules;
import io.piha.platform.internal.source.SourceTree;
import io.piha.platform.internal.yaml.LineMap;
import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlNode;
import io.piha.platform.internal.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What kustomizations and Flux Kustomizations say about the files: the namespace each object lands in, the
 * ConfigMaps {@code configMapGenerator} makes, and references to files or directories that do not exist.
 */
final class Kustomize {

    static final Set<String> FILE_NAMES = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private record Target(String dir, String namespace) {
    }

    private final SourceTree tree;
    private final Findings findings;
    private final Map<String, YamlMap> kustomizations = new LinkedHashMap<>();
    private final Map<String, Set<String>> included = new HashMap<>();
    private final Map<String, String> namespaceByFile = new HashMap<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<Manifest> generated = new ArrayList<>();

    Kustomize(SourceTree tree, Findings findings) {
        this.tree = tree;
        this.findings = findings;
    }

    static boolean isKustomization(String path) {
        return FILE_NAMES.contains(path.substring(path.lastIndexOf('/') + 1));
    }

    /** Reads every kustomization file, then assigns namespaces, outermost kustomization first (as kustomize). */
    void read(List<String> files) {
        for (String file : files) {
            tree.documents(file).stream().flatMap(d -> d.asMap().stream()).findFirst()
                    .ifPresent(k -> kustomizations.put(file, k));
        }
        kustomizations.keySet().stream().sorted(Comparator.comparingInt(Kustomize::depth)).forEach(file -> {
            Optional<String> ns = kustomizations.get(file).text("namespace");
            Set<String> files1 = filesOf(file, new LinkedHashSet<>());
            ns.ifPresent(n -> files1.forEach(f -> namespaceByFile.putIfAbsent(f, n)));
            generate(file, kustomizations.get(file), ns);
        });
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    private Set<String> filesOf(String kustomization, Set<String> visiting) {
        Set<String> known = included.get(kustomization);
        if (known != null) {
            return known;
        }
        Set<String> out = new LinkedHashSet<>();
        if (!visiting.add(kustomization)) {
            return out;
        }
        YamlMap k = kustomizations.get(kustomization);
        String dir = SourceTree.directoryOf(kustomization);
        for (String list : List.of("resources", "bases", "components")) {
            k.seq(list).ifPresent(seq -> seq.items().forEach(item -> item.asScalar()
                    .ifPresent(s -> include(dir, s, out, visiting))));
        }
        included.put(kustomization, out);
        return out;
    }

    private void include(String dir, YamlScalar entry, Set<String> out, Set<String> visiting) {
        String ref = entry.text();
        if (ref.contains("://") || ref.startsWith("github.com/") || ref.contains("?ref=")) {
            return;
        }
        Optional<String> path = tree.resolve(dir, ref);
        if (path.isEmpty()) {
            findings.add(InputRules.REFERENCE_OUTSIDE, entry.location(),
                    "kustomization lists '" + ref + "', outside the repository");
        } else if (tree.isFile(path.get())) {
            out.add(path.get());
        } else if (tree.isDirectory(path.get())) {
            FILE_NAMES.stream().map(n -> path.get() + "/" + n).filter(kustomizations::containsKey).findFirst()
                    .ifPresent(inner -> out.addAll(filesOf(inner, visiting)));
        } else {
            findings.add(InputRules.REFERENCE_MISSING, entry.location(), "kustomization lists '" + ref
                    + "', which does not exist: kustomize build (and Flux) will fail here");
        }
    }

    private void generate(String file, YamlMap k, Optional<String> namespace) {
        String dir = SourceTree.directoryOf(file);
        k.seq("configMapGenerator").ifPresent(seq -> seq.maps().forEach(g -> {
            Map<String, YamlNode> data = new LinkedHashMap<>();
            g.seq("files").ifPresent(files -> files.items().forEach(f -> f.asScalar()
                    .ifPresent(s -> generatedFile(dir, s, data))));
            String ns = g.text("namespace").or(() -> namespace).orElse("default");
            String name = g.text("name").orElse("?");
            Location at = g.location();
            YamlMap node = Synthetic.map(at, "apiVersion", "v1", "kind", "ConfigMap",
                    "metadata", Synthetic.map(at, "name", name, "namespace", ns), "data", Synthetic.map(at, data));
            generated.add(new Manifest("v1", "ConfigMap", name, ns, node, file, Optional.empty()));
        }));
    }

    private void generatedFile(String dir, YamlScalar entry, Map<String, YamlNode> data) {
        String spec = entry.text();
        String key = spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : spec.substring(spec.lastIndexOf('/') + 1);
        String ref = spec.contains("=") ? spec.substring(spec.indexOf('=') + 1) : spec;
        Optional<String> path = tree.resolve(dir, ref).filter(tree::isFile);
        if (path.isEmpty()) {
            findings.add(InputRules.REFERENCE_MISSING, entry.location(),
                    "configMapGenerator reads '" + ref + "', which is not a file of the repository");
            return;
        }
        tree.text(path.get()).ifPresent(text -> data.put(key, new YamlScalar(new Location(path.get(), 1), text,
                YamlScalar.Kind.STRING, Optional.empty(), LineMap.of(path.get()))));
    }

    /** Notes a Flux Kustomization: its path must exist here, and its targetNamespace overrides all below. */
    void flux(Manifest m) {
        YamlMap spec = m.spec();
        String path = spec.text("path").map(Kustomize::clean).orElse(".");
        boolean ownSource = spec.textAt("sourceRef", "name").map("flux-system"::equals).orElse(true);
        if (!tree.isDirectory(path) && ownSource) {
            findings.add(InputRules.REFERENCE_MISSING, spec.keyLocation("path"), "Flux " + m.describe()
                    + " applies path '" + path + "', which is not a directory of the repository");
        }
        spec.text("targetNamespace").ifPresent(ns -> targets.add(new Target(path, ns)));
    }

    static String clean(String path) {
        String p = path.strip();
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? "." : p;
    }

    /** The namespace an object of {@code kind} in {@code file} lands in. */
    String namespaceFor(String file, String kind, Optional<String> declared) {
        if (Manifest.isClusterScoped(kind)) {
            return "";
        }
        Optional<String> target = targets.stream().filter(t -> t.dir.equals(".") || file.startsWith(t.dir + "/"))
                .max(Comparator.comparingInt(t -> t.dir.length())).map(Target::namespace);
        return target.or(() -> Optional.ofNullable(namespaceByFile.get(file))).or(() -> declared).orElse("default");
    }

    /** The ConfigMaps made by {@code configMapGenerator}. */
    List<Manifest> generated() {
        return generated;
    }
}
