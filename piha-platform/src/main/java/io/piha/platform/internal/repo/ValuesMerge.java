package io.piha.platform.internal.repo;

import io.piha.platform.Location;
import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlNode;
import io.piha.platform.internal.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helm's values merge: maps merge key by key, anything else replaces, an explicit null deletes. */
final class ValuesMerge {

    private ValuesMerge() {
    }

    static YamlMap merge(YamlMap base, YamlMap override) {
        Map<String, YamlNode> entries = new LinkedHashMap<>(base.entries());
        Map<String, Location> keys = new LinkedHashMap<>(base.keys());
        override.entries().forEach((key, value) -> {
            YamlNode old = entries.get(key);
            if (value instanceof YamlScalar s && s.kind() == YamlScalar.Kind.NULL) {
                entries.remove(key);
                keys.remove(key);
            } else {
                entries.put(key, old instanceof YamlMap o && value instanceof YamlMap v ? merge(o, v) : value);
                keys.put(key, override.keyLocation(key));
            }
        });
        return new YamlMap(override.entries().isEmpty() ? base.location() : override.location(), entries, keys);
    }

    /** {@code base} with {@code value} set at a dotted path ({@code valuesFrom[].targetPath}). */
    static YamlMap set(YamlMap base, List<String> path, YamlNode value) {
        String key = path.get(0);
        YamlNode replacement = path.size() == 1 ? value
                : set(base.map(key).orElse(YamlMap.empty(value.location())), path.subList(1, path.size()), value);
        Map<String, YamlNode> entries = new LinkedHashMap<>(base.entries());
        Map<String, Location> keys = new LinkedHashMap<>(base.keys());
        entries.put(key, replacement);
        keys.put(key, value.location());
        return new YamlMap(base.location(), entries, keys);
    }
}
