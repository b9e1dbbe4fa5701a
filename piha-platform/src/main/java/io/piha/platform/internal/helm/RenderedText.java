package io.piha.platform.internal.helm;

import io.piha.platform.Location;
import io.piha.platform.internal.yaml.LineMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The output of one template as it is being written: text with, for every line, the template line that wrote
 * it and the values line of the first value written on it. A finding on a rendered line points at the values
 * line when there is one ({@code hostNetwork: {{ .Values.hostNetwork }}} leads to values.yaml), else at the
 * template line.
 */
final class RenderedText {

    private final String templatePath;
    private final StringBuilder text = new StringBuilder();
    private final List<Location> templateOrigins = new ArrayList<>();
    private final List<Location> valueOrigins = new ArrayList<>();

    RenderedText(String templatePath, int firstLine) {
        this.templatePath = templatePath;
        templateOrigins.add(new Location(templatePath, firstLine));
        valueOrigins.add(null);
    }

    /** Template text starting at template line {@code line}. */
    void template(String chunk, int line) {
        int current = line;
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (c == '\n') {
                current++;
                newLine(new Location(templatePath, current), null);
            } else {
                text.append(c);
            }
        }
    }

    /** A value written by the action at template line {@code line}. */
    void value(OriginText value, int line) {
        List<OriginText.Line> lines = value.lines();
        for (int i = 0; i < lines.size(); i++) {
            OriginText.Line l = lines.get(i);
            if (i > 0) {
                newLine(new Location(templatePath, line), l.origin().orElse(null));
            } else if (valueOrigins.get(valueOrigins.size() - 1) == null && !l.text().isBlank()) {
                valueOrigins.set(valueOrigins.size() - 1, l.origin().orElse(null));
            }
            text.append(l.text());
        }
    }

    private void newLine(Location templateOrigin, Location valueOrigin) {
        text.append('\n');
        templateOrigins.add(templateOrigin);
        valueOrigins.add(valueOrigin);
    }

    String text() {
        return text.toString();
    }

    /** Where each rendered line came from: its first value's line, else its template line. */
    LineMap lineMap() {
        List<Location> origins = new ArrayList<>(templateOrigins.size());
        for (int i = 0; i < templateOrigins.size(); i++) {
            origins.add(Optional.ofNullable(valueOrigins.get(i)).orElse(templateOrigins.get(i)));
        }
        Location fallback = new Location(templatePath, 0);
        return line -> line >= 1 && line <= origins.size() ? origins.get(line - 1) : fallback;
    }
}
