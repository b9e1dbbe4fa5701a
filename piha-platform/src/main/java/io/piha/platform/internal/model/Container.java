package io.piha.platform.internal.model;

import io.piha.platform.Location;
import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlScalar;
import java.util.List;
import java.util.Optional;

/**
 * A container of a pod.
 *
 * @param node the container's mapping
 * @param name its name
 * @param init whether it is an init container
 */
public record Container(YamlMap node, String name, boolean init) {

    /** A volume mounted into the container. */
    public record Mount(YamlMap node, String volume, String path) {
        /** The mount's line (its {@code - name:} entry). */
        public Location location() {
            return node.location();
        }
    }

    /** The image scalar, if written. */
    public Optional<YamlScalar> image() {
        return node.scalar("image");
    }

    /** The application the image belongs to, if known. */
    public Optional<App> app() {
        return image().flatMap(i -> App.ofImage(i.text()));
    }

    /** The container's volume mounts. */
    public List<Mount> mounts() {
        return node.seq("volumeMounts").stream().flatMap(s -> s.maps())
                .map(m -> new Mount(m, m.text("name").orElse(""), m.text("mountPath").orElse(""))).toList();
    }

    /** Where the container is declared (its first key). */
    public Location location() {
        return node.location();
    }
}
