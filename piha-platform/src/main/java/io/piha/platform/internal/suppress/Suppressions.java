package io.piha.platform.internal.suppress;

import io.piha.platform.Finding;
import io.piha.platform.Location;
import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.Suppression;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.source.SourceTree;
import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The audited repository's {@code .piha-audit.yaml}: findings it accepts, each with a reason. A suppressed
 * finding stays in the report, marked; an entry without a reason (or naming no rule) is itself a finding and
 * suppresses nothing; an entry that matches nothing is reported as unused.
 *
 * <pre>
 * suppressions:
 *   - rule: host-network
 *     path: clusters/home/apps/matter-server/*.yaml   # optional, * and ** globs
 *     line: 12                                         # optional
 *     reason: Matter needs IPv6 multicast on the host network
 * </pre>
 */
public final class Suppressions {

    /** An entry that cannot suppress anything: no reason, no rule, an unknown rule, a bad line. */
    public static final Rule INVALID = new Rule("suppression-invalid", Severity.MEDIUM, Phase.ASSESSMENT,
            "A suppression without a reason, or that names no rule",
            "A suppression is a decision someone must be able to read later; without its reason it is silence, "
                    + "so it suppresses nothing.",
            "Give the entry a rule id of this audit and a reason (one sentence: why this is acceptable here).",
            Optional.empty(), "Issue: suppressions live in the repository with a reason, never silently");

    /** An entry that matched no finding. */
    public static final Rule UNUSED = new Rule("suppression-unused", Severity.LOW, Phase.ASSESSMENT,
            "A suppression that matches no finding",
            "A stale suppression hides the next finding at that place without anyone deciding it again.",
            "Delete the entry (the problem it accepted is gone), or correct its rule, path or line.",
            Optional.empty(), "Issue: suppressions live in the repository with a reason, never silently");

    private record Entry(String rule, Optional<Pattern> path, int line, Suppression suppression) {
        boolean matches(Finding f) {
            return f.rule().id().equals(rule) && path.map(p -> p.matcher(f.location().path()).matches()).orElse(true)
                    && (line == 0 || f.location().line() == line);
        }
    }

    private Suppressions() {
    }

    /** The rules of this class. */
    public static List<Rule> rules() {
        return List.of(INVALID, UNUSED);
    }

    /** Reads {@code file} of the tree, reports bad and unused entries, and marks the findings it accepts. */
    public static List<Finding> apply(SourceTree tree, String file, List<Finding> found, Set<String> ruleIds) {
        if (!tree.isFile(file)) {
            return found;
        }
        Findings problems = new Findings();
        List<Entry> entries = entries(tree, file, ruleIds, problems);
        boolean[] used = new boolean[entries.size()];
        List<Finding> out = new ArrayList<>();
        for (Finding f : found) {
            Finding marked = f;
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).matches(f)) {
                    marked = f.suppressedBy(entries.get(i).suppression());
                    used[i] = true;
                    break;
                }
            }
            out.add(marked);
        }
        for (int i = 0; i < entries.size(); i++) {
            if (!used[i]) {
                Entry e = entries.get(i);
                problems.add(UNUSED, e.suppression().declaredAt(), "The suppression of " + e.rule()
                        + " matches no finding");
            }
        }
        out.addAll(problems.all());
        return out;
    }

    private static List<Entry> entries(SourceTree tree, String file, Set<String> ruleIds, Findings problems) {
        List<Entry> out = new ArrayList<>();
        Optional<YamlMap> root = tree.documents(file).stream().flatMap(d -> d.asMap().stream()).findFirst();
        if (root.isEmpty() || root.get().seq("suppressions").isEmpty()) {
            problems.add(INVALID, new Location(file, 1), file + " has no 'suppressions:' list; nothing is suppressed");
            return out;
        }
        for (YamlNode item : root.get().seq("suppressions").get().items()) {
            entry(item, file, ruleIds, problems).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Entry> entry(YamlNode item, String file, Set<String> ruleIds, Findings problems) {
        Location at = item.location();
        Optional<YamlMap> map = item.asMap();
        String rule = map.flatMap(m -> m.text("rule")).orElse("");
        String reason = map.flatMap(m -> m.text("reason")).map(String::strip).orElse("");
        String line = map.flatMap(m -> m.text("line")).orElse("0");
        String problem = rule.isEmpty() ? "names no rule" : !ruleIds.contains(rule) ? "names '" + rule
                + "', which is not a rule of this audit" : reason.isEmpty() ? "of " + rule + " has no reason"
                : !line.matches("\\d+") ? "has line '" + line + "', which is not a line number" : "";
        if (!problem.isEmpty()) {
            problems.add(INVALID, at, "The suppression in " + file + " " + problem + ", so it suppresses nothing");
            return Optional.empty();
        }
        Optional<Pattern> path = map.flatMap(m -> m.text("path")).map(Suppressions::glob);
        return Optional.of(new Entry(rule, path, Integer.parseInt(line), new Suppression(reason, at)));
    }

    /** {@code **} any path, {@code *} any name part, {@code ?} one character. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
