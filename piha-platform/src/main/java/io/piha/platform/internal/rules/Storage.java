package io.piha.platform.internal.rules;

import io.piha.platform.internal.model.Manifest;
import io.piha.platform.internal.model.Platform;
import io.piha.platform.internal.yaml.YamlMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The repository's StorageClasses and PVCs: which class is default, which is on the NAS, what a claim uses. */
final class Storage {

    static final List<String> DEFAULT_ANNOTATIONS = List.of("storageclass.kubernetes.io/is-default-class",
            "storageclass.beta.kubernetes.io/is-default-class");
    private static final Pattern NAS_WORD = Pattern.compile("(?i)(^|[^a-z])(nfs|nas|smb|cifs)([^a-z]|$)");

    private final Map<String, Manifest> classes = new LinkedHashMap<>();
    private final Map<String, Manifest> claims = new LinkedHashMap<>();
    private final Set<String> declaredNas;

    Storage(Platform p) {
        p.ofKind("StorageClass").forEach(m -> classes.putIfAbsent(m.name(), m));
        p.ofKind("PersistentVolumeClaim").forEach(m -> claims.putIfAbsent(m.namespace() + "/" + m.name(), m));
        declaredNas = p.options().nasStorageClasses();
    }

    /** The StorageClasses marked default, in path order. */
    List<Manifest> defaults() {
        return classes.values().stream().filter(Storage::isDefault)
                .sorted((a, b) -> a.location().compareTo(b.location())).toList();
    }

    static boolean isDefault(Manifest storageClass) {
        YamlMap annotations = storageClass.annotations();
        return DEFAULT_ANNOTATIONS.stream().anyMatch(a -> annotations.text(a).filter("true"::equalsIgnoreCase)
                .isPresent());
    }

    /** Whether a class is on the NAS: declared so, or (when none is declared) NFS/SMB/NAS in its definition. */
    boolean isNas(String className) {
        if (!declaredNas.isEmpty()) {
            return declaredNas.contains(className);
        }
        if (NAS_WORD.matcher(className).find()) {
            return true;
        }
        Manifest sc = classes.get(className);
        if (sc == null) {
            return false;
        }
        boolean provisioner = sc.node().text("provisioner").filter(v -> NAS_WORD.matcher(v.replace('.', ' ')).find())
                .isPresent();
        boolean parameters = sc.node().map("parameters").map(ps -> ps.entries().values().stream()
                .anyMatch(v -> v.asScalar().filter(s -> NAS_WORD.matcher(s.text()).find()).isPresent())).orElse(false);
        return provisioner || parameters;
    }

    /** What a class is, for messages: its provisioner. */
    String describe(String className) {
        return Optional.ofNullable(classes.get(className)).flatMap(sc -> sc.node().text("provisioner"))
                .map(p -> className + " (provisioner " + p + ")").orElse(className);
    }

    /** The PVC {@code name} in {@code namespace}, if the repository declares it. */
    Optional<Manifest> claim(String namespace, String name) {
        return Optional.ofNullable(claims.get(namespace + "/" + name));
    }
}
