package io.piha.platform.internal.repo;

import io.piha.platform.internal.model.Manifest;
import io.piha.platform.internal.yaml.YamlMap;
import java.util.Optional;

/** Turns a YAML document into a {@link Manifest} when it is a Kubernetes object (it has apiVersion and kind). */
final class Manifests {

    private Manifests() {
    }

    /** The object of {@code doc}, landing in {@code namespace} unless cluster-scoped or it names its own. */
    static Optional<Manifest> of(YamlMap doc, String file, Optional<String> chart, String namespace) {
        Optional<String> apiVersion = doc.text("apiVersion");
        Optional<String> kind = doc.text("kind");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return Optional.empty();
        }
        String name = doc.textAt("metadata", "name").or(() -> doc.textAt("metadata", "generateName")).orElse("?");
        String ns = Manifest.isClusterScoped(kind.get()) ? ""
                : doc.textAt("metadata", "namespace").orElse(namespace);
        return Optional.of(new Manifest(apiVersion.get(), kind.get(), name, ns, doc, file, chart));
    }
}
