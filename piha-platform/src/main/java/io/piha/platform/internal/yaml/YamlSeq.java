package io.piha.platform.internal.yaml;

import io.piha.platform.Location;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A YAML sequence.
 *
 * @param location where the sequence starts
 * @param items the items in order
 */
public record YamlSeq(Location location, List<YamlNode> items) implements YamlNode {

    /** Copies the items. */
    public YamlSeq {
        Objects.requireNonNull(location, "location");
        items = List.copyOf(items);
    }

    /** The items that are mappings. */
    public Stream<YamlMap> maps() {
        return items.stream().flatMap(n -> n.asMap().stream());
    }

    @Override
    public boolean isEmpty() {
        return items.isEmpty();
    }
}
