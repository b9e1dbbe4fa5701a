package io.piha.platform.internal.helm;

import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlNode;
import io.piha.platform.internal.yaml.YamlScalar;
import io.piha.platform.internal.yaml.YamlSeq;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Helm and Sprig functions a values-only template commonly uses. Values are {@link YamlNode}s, text is
 * {@link OriginText}, literals are {@code String}, {@code Long}, {@code Double}, {@code Boolean} or null.
 */
final class TemplateFunctions {

    private TemplateFunctions() {
    }

    static Object call(String name, List<Object> args, int line) {
        return switch (name) {
            case "quote" -> text(arg(args, 0, name, line)).wrap("\"", "\"");
            case "squote" -> text(arg(args, 0, name, line)).wrap("'", "'");
            case "default" -> truthy(last(args, 2, name, line)) ? args.get(1) : args.get(0);
            case "toYaml" -> args.get(0) instanceof YamlNode n ? ToYaml.of(n) : text(arg(args, 0, name, line));
            case "indent" -> indent(number(args.get(0), name, line), text(last(args, 2, name, line)));
            case "nindent" -> indent(number(args.get(0), name, line), text(last(args, 2, name, line))).afterNewline();
            case "trim" -> text(arg(args, 0, name, line)).mapLines(String::strip);
            case "upper" -> text(arg(args, 0, name, line)).mapLines(s -> s.toUpperCase(Locale.ROOT));
            case "lower" -> text(arg(args, 0, name, line)).mapLines(s -> s.toLowerCase(Locale.ROOT));
            case "toString" -> text(arg(args, 0, name, line));
            case "b64enc" -> OriginText.plain(Base64.getEncoder().encodeToString(
                    text(arg(args, 0, name, line)).text().getBytes(StandardCharsets.UTF_8)));
            case "not" -> !truthy(arg(args, 0, name, line));
            case "and" -> args.stream().allMatch(TemplateFunctions::truthy);
            case "or" -> args.stream().anyMatch(TemplateFunctions::truthy);
            case "eq" -> plain(last(args, 2, name, line)).equals(plain(args.get(0)));
            case "ne" -> !plain(last(args, 2, name, line)).equals(plain(args.get(0)));
            case "empty" -> !truthy(arg(args, 0, name, line));
            case "required" -> required(args, line);
            case "printf" -> printf(args, line);
            default -> throw new Unrenderable("the function '" + name + "'", line);
        };
    }

    private static Object arg(List<Object> args, int i, String name, int line) {
        if (args.size() <= i) {
            throw new Unrenderable("'" + name + "' without its argument", line);
        }
        return args.get(i);
    }

    private static Object last(List<Object> args, int size, String name, int line) {
        if (args.size() != size) {
            throw new Unrenderable("'" + name + "' with " + args.size() + " arguments", line);
        }
        return args.get(size - 1);
    }

    private static int number(Object value, String name, int line) {
        try {
            return Integer.parseInt(plain(value));
        } catch (NumberFormatException e) {
            throw new Unrenderable("'" + name + "' with a width that is not a number", line);
        }
    }

    private static OriginText indent(int width, OriginText text) {
        String pad = " ".repeat(width);
        return text.mapLines(l -> pad + l);
    }

    private static Object required(List<Object> args, int line) {
        Object value = last(args, 2, "required", line);
        if (!truthy(value) && !(value instanceof Boolean)) {
            throw new Unrenderable("'required' fails: " + plain(args.get(0)), line);
        }
        return value;
    }

    private static Object printf(List<Object> args, int line) {
        String format = plain(arg(args, 0, "printf", line));
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char verb = format.charAt(++i);
            if (verb == '%') {
                out.append('%');
            } else if ("sdvq".indexOf(verb) >= 0 && next < args.size()) {
                String value = plain(args.get(next++));
                out.append(verb == 'q' ? ToYaml.quote(value) : value);
            } else {
                throw new Unrenderable("'printf' with '%" + verb + "'", line);
            }
        }
        return OriginText.plain(out.toString());
    }

    /** Go template truth: false, 0, nil and empty strings, maps and lists are false. */
    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof YamlNode node) {
            return !node.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return !plain(value).isEmpty();
    }

    /** A value as text with the origins of its lines. */
    static OriginText text(Object value) {
        if (value instanceof OriginText t) {
            return t;
        }
        if (value instanceof YamlScalar s) {
            return OriginText.of(s);
        }
        return OriginText.plain(plain(value));
    }

    /** A value as plain text, the way Go prints it ({@code <no value>} is empty, as in Helm). */
    static String plain(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OriginText t) {
            return t.text();
        }
        if (value instanceof YamlScalar s) {
            return s.text();
        }
        if (value instanceof YamlMap m) {
            return "map" + m.entries().keySet();
        }
        if (value instanceof YamlSeq s) {
            return "[" + s.items().stream().map(TemplateFunctions::plain).reduce((a, b) -> a + " " + b).orElse("")
                    + "]";
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }
}
