package io.piha.platform.internal.yaml;

import io.piha.platform.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A YAML mapping in source order, with the line of each key.
 *
 * @param location where the mapping starts
 * @param entries the values by key, in source order
 * @param keys the location of each key
 */
public record YamlMap(Location location, Map<String, YamlNode> entries, Map<String, Location> keys)
        implements YamlNode {

    /** Copies into unmodifiable maps that keep the source order. */
    public YamlMap {
        Objects.requireNonNull(location, "location");
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /** An empty mapping at {@code location}. */
    public static YamlMap empty(Location location) {
        return new YamlMap(location, Map.of(), Map.of());
    }

    /** The value of {@code key}. */
    public Optional<YamlNode> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The mapping under {@code key}, if the value is one. */
    public Optional<YamlMap> map(String key) {
        return get(key).flatMap(YamlNode::asMap);
    }

    /** The sequence under {@code key}, if the value is one. */
    public Optional<YamlSeq> seq(String key) {
        return get(key).flatMap(YamlNode::asSeq);
    }

    /** The scalar under {@code key}, if the value is one and not null. */
    public Optional<YamlScalar> scalar(String key) {
        return get(key).flatMap(YamlNode::asScalar).filter(s -> s.kind() != YamlScalar.Kind.NULL);
    }

    /** The text of the scalar under {@code key}, if any. */
    public Optional<String> text(String key) {
        return scalar(key).map(YamlScalar::text);
    }

    /** The node at a path of keys, e.g. {@code at("spec", "template", "spec")}. */
    public Optional<YamlNode> at(String... path) {
        YamlNode node = this;
        for (String key : path) {
            if (!(node instanceof YamlMap m) || !m.entries.containsKey(key)) {
                return Optional.empty();
            }
            node = m.entries.get(key);
        }
        return Optional.of(node);
    }

    /** The mapping at a path of keys. */
    public Optional<YamlMap> mapAt(String... path) {
        return at(path).flatMap(YamlNode::asMap);
    }

    /** The text of the scalar at a path of keys. */
    public Optional<String> textAt(String... path) {
        return at(path).flatMap(YamlNode::asScalar).filter(s -> s.kind() != YamlScalar.Kind.NULL)
                .map(YamlScalar::text);
    }

    /** Where {@code key} is written, or where the mapping starts. */
    public Location keyLocation(String key) {
        return keys.getOrDefault(key, location);
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
