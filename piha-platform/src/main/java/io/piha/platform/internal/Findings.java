package io.piha.platform.internal;

import io.piha.platform.Finding;
import io.piha.platform.Location;
import io.piha.platform.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects findings while a repository is read and checked. One finding per rule and place: a chart rendered
 * for two releases, or a value seen both in values and in the rendered manifest, is reported once. Not
 * thread-safe.
 */
public final class Findings {

    private record Key(String rule, Location at) {
    }

    private final Map<Key, Finding> findings = new LinkedHashMap<>();

    /** Records a finding unless the same rule already fired at the same place. */
    public void add(Rule rule, Location at, String message, Location... related) {
        add(rule, at, message, Arrays.asList(related));
    }

    /** Records a finding with related places unless the same rule already fired at the same place. */
    public void add(Rule rule, Location at, String message, List<Location> related) {
        List<Location> others = related.stream().filter(r -> !r.equals(at)).distinct().sorted().toList();
        findings.putIfAbsent(new Key(rule.id(), at), new Finding(rule, at, message, others, Optional.empty()));
    }

    /** Everything recorded, in the order recorded. */
    public List<Finding> all() {
        return new ArrayList<>(findings.values());
    }
}
