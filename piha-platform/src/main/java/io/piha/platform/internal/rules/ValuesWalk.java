package io.piha.platform.internal.rules;

import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlNode;
import io.piha.platform.internal.yaml.YamlSeq;

/** Visits every key of a values tree, for rules that look into the values of charts they cannot render. */
final class ValuesWalk {

    /** Called for each key with its value and the mapping it is in. */
    @FunctionalInterface
    interface Visitor {
        void visit(String key, YamlNode value, YamlMap parent);
    }

    private ValuesWalk() {
    }

    static void walk(YamlNode node, Visitor visitor) {
        if (node instanceof YamlMap m) {
            m.entries().forEach((k, v) -> {
                visitor.visit(k, v, m);
                walk(v, visitor);
            });
        } else if (node instanceof YamlSeq s) {
            s.items().forEach(i -> walk(i, visitor));
        }
    }
}
