package io.piha.platform.internal.helm;

import io.piha.platform.Location;
import io.piha.platform.internal.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A piece of text produced while rendering, each line with the place it came from (a values line, or empty for
 * text made by a literal), so that a rendered manifest's lines lead back to the values file.
 *
 * @param lines the lines, without line breaks
 */
public record OriginText(List<Line> lines) {

    /** One line and where it came from. */
    public record Line(String text, Optional<Location> origin) {
    }

    /** Copies. */
    public OriginText {
        lines = List.copyOf(lines);
    }

    /** Text without an origin (a literal or a computed string). */
    public static OriginText plain(String text) {
        return of(text, Optional.empty());
    }

    /** Text whose every line comes from {@code origin}. */
    public static OriginText of(String text, Optional<Location> origin) {
        List<Line> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            out.add(new Line(line, origin));
        }
        return new OriginText(out);
    }

    /** A scalar's text, each line with its own origin. */
    public static OriginText of(YamlScalar scalar) {
        String[] parts = scalar.text().split("\n", -1);
        List<Line> out = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            out.add(new Line(parts[i], Optional.of(parts.length == 1 ? scalar.location() : scalar.content().at(i + 1))));
        }
        return new OriginText(out);
    }

    /** The text with line breaks. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(i == 0 ? "" : "\n").append(lines.get(i).text());
        }
        return out.toString();
    }

    /** Each line transformed, origins kept. */
    public OriginText mapLines(UnaryOperator<String> f) {
        return new OriginText(lines.stream().map(l -> new Line(f.apply(l.text()), l.origin())).toList());
    }

    /** A line break, then this text ({@code nindent}). */
    public OriginText afterNewline() {
        List<Line> out = new ArrayList<>(lines.size() + 1);
        out.add(new Line("", Optional.empty()));
        out.addAll(lines);
        return new OriginText(out);
    }

    /** The same text on one line with {@code prefix} and {@code suffix} (e.g. quotes); origin of the first line. */
    public OriginText wrap(String prefix, String suffix) {
        Optional<Location> origin = lines.isEmpty() ? Optional.empty() : lines.get(0).origin();
        return of(prefix + text() + suffix, origin);
    }
}
