package io.piha.platform.internal.rules;

import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlNode;
import io.piha.platform.internal.yaml.YamlScalar;
import io.piha.platform.internal.yaml.YamlSeq;
import java.util.function.Consumer;

/** Visits every key of a values tree, for rules that look into the values of charts they cannot render. */
final class ValuesWalk {

    /** Called for each key with its value and the mapping it is in. */
    @FunctionalInterface
    interface Visitor {
        void visit(String key, YamlNode value, YamlMap parent);
    }

    private ValuesWalk() {
    }

    /** Calls {@code action} for every {@code key: true} of a values tree ({@code privileged}, {@code hostNetwork}). */
    static void trueFlags(YamlNode node, String key, Consumer<YamlScalar> action) {
        walk(node, (k, value, parent) -> {
            if (k.equals(key) && value instanceof YamlScalar s && s.isTrue()) {
                action.accept(s);
            }
        });
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
