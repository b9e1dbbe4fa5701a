package io.piha.http.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, written for the tests: the Prometheus Java client
 * only writes the format, and the one parser Prometheus itself uses is Go. It follows the format's rules as
 * documented (https://prometheus.io/docs/instrumenting/exposition_formats/): names and label names, label value
 * escapes ({@code \\}, {@code \"}, {@code \n} only), Go float values with {@code NaN} and {@code ±Inf}, an optional
 * integer timestamp, one HELP and one TYPE per family and the TYPE before its first sample, every family's samples in
 * one group, no series twice, a final newline. Anything else is refused, naming the line.
 */
final class PrometheusText {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(NaN|Inf|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** A family as read. */
    record Family(String name, String type, String help, List<Sample> samples) {
    }

    /** A sample as read. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final Map<String, Family> families = new LinkedHashMap<>();
    private final Set<String> series = new HashSet<>();
    private final Set<String> closed = new HashSet<>();
    private String open;
    private int line;

    private PrometheusText() {
    }

    /** Reads a whole exposition; throws {@link IllegalArgumentException} naming the first line that breaks a rule. */
    static Map<String, Family> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition must end with a newline");
        }
        PrometheusText reader = new PrometheusText();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            reader.line = i + 1;
            reader.read(lines[i]);
        }
        return reader.families;
    }

    private void read(String l) {
        if (l.isBlank()) {
            return;
        }
        if (l.startsWith("#")) {
            comment(l);
        } else {
            sample(l);
        }
    }

    private void comment(String l) {
        String[] parts = l.split(" ", 4);
        if (parts.length < 3 || !(parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
            return; // a plain comment
        }
        String name = check(NAME, parts[2], "metric name");
        Family f = family(name);
        if (parts[1].equals("TYPE")) {
            String type = parts.length == 4 ? parts[3] : "";
            if (!TYPES.contains(type)) {
                throw fail("unknown type '" + type + "'");
            }
            if (f.type() != null) {
                throw fail("second TYPE for " + name);
            }
            if (!f.samples().isEmpty()) {
                throw fail("TYPE of " + name + " after its samples");
            }
            families.put(name, new Family(name, type, f.help(), f.samples()));
        } else {
            if (f.help() != null) {
                throw fail("second HELP for " + name);
            }
            String help = parts.length == 4 ? parts[3] : "";
            unescape(help, false);
            families.put(name, new Family(name, f.type(), help, f.samples()));
        }
    }

    private Family family(String name) {
        if (open != null && !open.equals(name)) {
            closed.add(open);
        }
        if (closed.contains(name)) {
            throw fail("family " + name + " is split: its lines must form one group");
        }
        open = name;
        return families.computeIfAbsent(name, n -> new Family(n, null, null, new ArrayList<>()));
    }

    private void sample(String l) {
        int brace = l.indexOf('{');
        int space = l.indexOf(' ');
        int end = brace >= 0 && (space < 0 || brace < space) ? brace : space;
        if (end < 0) {
            throw fail("a sample needs a value");
        }
        String name = check(NAME, l.substring(0, end), "metric name");
        Map<String, String> labels = new LinkedHashMap<>();
        int at = end;
        if (brace == end) {
            at = labels(l, brace + 1, labels);
        }
        String[] rest = l.substring(at).strip().split(" ");
        if (rest.length < 1 || rest.length > 2 || !l.substring(at).startsWith(" ")) {
            throw fail("after the name and labels: ' value [timestamp]', got '" + l.substring(at) + "'");
        }
        double value = value(rest[0]);
        if (rest.length == 2 && !rest[1].matches("-?\\d+")) {
            throw fail("timestamp '" + rest[1] + "' is not an integer");
        }
        if (!series.add(name + labels)) {
            throw fail("series " + name + labels + " twice");
        }
        family(familyOf(name)).samples().add(new Sample(name, labels, value));
    }

    /** A histogram's or summary's sample belongs to its base family; any other to its own name. */
    private String familyOf(String name) {
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            String base = name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : null;
            if (base != null && families.containsKey(base) && List.of("histogram", "summary")
                    .contains(families.get(base).type())) {
                return base;
            }
        }
        return name;
    }

    private int labels(String l, int from, Map<String, String> labels) {
        int i = from;
        while (true) {
            if (i >= l.length()) {
                throw fail("unclosed '{'");
            }
            if (l.charAt(i) == '}') {
                return i + 1;
            }
            int eq = l.indexOf('=', i);
            if (eq < 0 || eq + 1 >= l.length() || l.charAt(eq + 1) != '"') {
                throw fail("a label is name=\"value\"");
            }
            String label = check(LABEL, l.substring(i, eq), "label name");
            if (label.startsWith("__")) {
                throw fail("label name " + label + " is reserved");
            }
            int close = closingQuote(l, eq + 2);
            if (labels.put(label, unescape(l.substring(eq + 2, close), true)) != null) {
                throw fail("label " + label + " twice");
            }
            i = close + 1;
            if (i < l.length() && l.charAt(i) == ',') {
                i++;
            } else if (i >= l.length() || l.charAt(i) != '}') {
                throw fail("expected ',' or '}' after label " + label);
            }
        }
    }

    private int closingQuote(String l, int from) {
        for (int i = from; i < l.length(); i++) {
            if (l.charAt(i) == '\\') {
                i++;
            } else if (l.charAt(i) == '"') {
                return i;
            }
        }
        throw fail("unclosed label value");
    }

    private String unescape(String s, boolean quotes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = i + 1 < s.length() ? s.charAt(++i) : ' ';
            switch (next) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case '"' -> {
                    if (!quotes) {
                        throw fail("\\\" is not an escape in HELP");
                    }
                    out.append('"');
                }
                default -> throw fail("bad escape \\" + next);
            }
        }
        return out.toString();
    }

    private double value(String v) {
        if (!FLOAT.matcher(v).matches()) {
            throw fail("value '" + v + "' is not a float");
        }
        return v.endsWith("Inf") ? (v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                : Double.parseDouble(v);
    }

    private String check(Pattern p, String s, String what) {
        if (!p.matcher(s).matches()) {
            throw fail(what + " '" + s + "' breaks " + p.pattern());
        }
        return s;
    }

    private IllegalArgumentException fail(String why) {
        return new IllegalArgumentException("line " + line + ": " + why);
    }
}
