package io.piha.http.status;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, for the dashboard check: strings, label matchers, ranges, grouping
 * clauses, Grafana variables and numbers are taken out; of the identifiers left, a function or aggregation (followed
 * by a parenthesis) and the operators' keywords are not metrics.
 */
final class PromQlNames {

    private static final Pattern STRINGS = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'|`[^`]*`");
    private static final Pattern VARIABLES = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern TOKEN = Pattern.compile("[0-9][0-9a-zA-Z_.]*|[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "atan2", "inf", "nan", "Inf", "NaN");

    private PromQlNames() {
    }

    static Set<String> of(String expr) {
        String e = STRINGS.matcher(expr).replaceAll(" ");
        e = VARIABLES.matcher(e).replaceAll(" ");
        e = MATCHERS.matcher(e).replaceAll(" ");
        e = RANGES.matcher(e).replaceAll(" ");
        e = GROUPING.matcher(e).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(e);
        while (m.find()) {
            String t = m.group();
            if (Character.isDigit(t.charAt(0)) || KEYWORDS.contains(t) || e.substring(m.end()).stripLeading().startsWith("(")) {
                continue;
            }
            names.add(t);
        }
        return names;
    }
}
