package io.piha.platform.internal.helm;

import io.piha.platform.Location;
import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlNode;
import io.piha.platform.internal.yaml.YamlScalar;
import io.piha.platform.internal.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Helm's {@code toYaml} for values nodes: block YAML whose every line keeps the values line it came from. */
final class ToYaml {

    private static final Pattern PLAIN_UNSAFE = Pattern.compile(
            "|true|false|yes|no|on|off|null|~|[-+]?(\\.?[0-9][0-9_.eE+-]*|\\.inf|\\.nan)|.*(: | #|:$).*|[-?:,\\[\\]{}#&*!|>'\"%@`\\s].*|.*\\s",
            Pattern.CASE_INSENSITIVE);

    private ToYaml() {
    }

    static OriginText of(YamlNode node) {
        List<OriginText.Line> out = new ArrayList<>();
        if (node instanceof YamlScalar s) {
            return OriginText.of(scalar(s), Optional.of(s.location()));
        }
        if (node.isEmpty()) {
            return OriginText.of(node instanceof YamlMap ? "{}" : "[]", Optional.of(node.location()));
        }
        block(node, 0, out);
        return new OriginText(out);
    }

    private static void block(YamlNode node, int indent, List<OriginText.Line> out) {
        String pad = " ".repeat(indent);
        if (node instanceof YamlMap m) {
            for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
                entry(pad + key(e.getKey()) + ":", e.getValue(), m.keyLocation(e.getKey()), indent, out);
            }
        } else if (node instanceof YamlSeq seq) {
            for (YamlNode item : seq.items()) {
                int first = out.size();
                entry(pad + "-", item, item.location(), indent, out);
                if (!(item instanceof YamlScalar) && !item.isEmpty() && out.size() > first + 1) {
                    // "- " takes the place of the first nested line's indentation
                    OriginText.Line nested = out.remove(first + 1);
                    out.set(first, new OriginText.Line(pad + "- " + nested.text().substring(indent + 2),
                            nested.origin()));
                }
            }
        }
    }

    private static void entry(String head, YamlNode value, Location at, int indent, List<OriginText.Line> out) {
        Optional<Location> origin = Optional.of(at);
        if (value instanceof YamlScalar s && s.text().contains("\n")) {
            out.add(new OriginText.Line(head + " |-", origin));
            OriginText content = OriginText.of(s);
            for (OriginText.Line l : content.lines()) {
                out.add(new OriginText.Line(l.text().isEmpty() ? "" : " ".repeat(indent + 2) + l.text(), l.origin()));
            }
        } else if (value instanceof YamlScalar s) {
            out.add(new OriginText.Line(head + " " + scalar(s), Optional.of(s.location())));
        } else if (value.isEmpty()) {
            out.add(new OriginText.Line(head + (value instanceof YamlMap ? " {}" : " []"), origin));
        } else {
            out.add(new OriginText.Line(head, origin));
            block(value, indent + 2, out);
        }
    }

    private static String key(String key) {
        return PLAIN_UNSAFE.matcher(key).matches() ? quote(key) : key;
    }

    static String scalar(YamlScalar s) {
        String tag = s.tag().map(t -> "!" + t + " ").orElse("");
        return switch (s.kind()) {
            case NULL -> "null";
            case NUMBER, BOOLEAN -> s.text();
            case STRING -> tag + (PLAIN_UNSAFE.matcher(s.text()).matches() ? quote(s.text()) : s.text());
        };
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
                + "\"";
    }
}
