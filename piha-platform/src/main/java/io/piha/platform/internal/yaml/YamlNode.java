package io.piha.platform.internal.yaml;

import io.piha.platform.Location;
import java.util.Optional;

/** A YAML node with the place it came from: a mapping, a sequence or a scalar. Immutable. */
public sealed interface YamlNode permits YamlMap, YamlSeq, YamlScalar {

    /** Where the node starts. */
    Location location();

    /** This node as a mapping, if it is one. */
    default Optional<YamlMap> asMap() {
        return this instanceof YamlMap m ? Optional.of(m) : Optional.empty();
    }

    /** This node as a sequence, if it is one. */
    default Optional<YamlSeq> asSeq() {
        return this instanceof YamlSeq s ? Optional.of(s) : Optional.empty();
    }

    /** This node as a scalar, if it is one. */
    default Optional<YamlScalar> asScalar() {
        return this instanceof YamlScalar s ? Optional.of(s) : Optional.empty();
    }

    /** Whether Go templates and Helm would call this value empty: null, "", false, 0, an empty map or list. */
    boolean isEmpty();
}
