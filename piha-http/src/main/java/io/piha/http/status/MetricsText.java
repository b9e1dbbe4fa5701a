package io.piha.http.status;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the Prometheus text exposition format (0.0.4): each family's HELP and TYPE once, then its samples together,
 * label values escaped, numbers as Go's {@code ParseFloat} reads them. Not thread-safe; one per rendering.
 */
final class MetricsText {

    private final StringBuilder out = new StringBuilder(4096);
    private final Set<String> families = new LinkedHashSet<>();
    private String current;

    /**
     * Starts a family; every sample until the next family belongs to it.
     *
     * @throws IllegalStateException if the family was started before (its samples would be split)
     */
    MetricsText family(String name, String type, String help) {
        if (!families.add(name)) {
            throw new IllegalStateException("metric family " + name + " written twice");
        }
        current = name;
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /** A sample of the current family; {@code labels} alternate names and values. */
    MetricsText sample(double value, String... labels) {
        out.append(current);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                out.append(i == 0 ? "" : ",").append(labels[i]).append("=\"").append(escapeLabel(labels[i + 1]))
                        .append('"');
            }
            out.append('}');
        }
        out.append(' ').append(format(value)).append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String format(double number) {
        if (Double.isNaN(number)) {
            return "NaN";
        }
        if (Double.isInfinite(number)) {
            return number > 0 ? "+Inf" : "-Inf";
        }
        return number == Math.rint(number) && Math.abs(number) < 1e15
                ? Long.toString((long) number)
                : String.format(Locale.ROOT, "%.3f", number);
    }

    static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
