package io.piha.platform;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a rule found, where it is, and, when the repository accepts it, why.
 *
 * @param rule the rule that fired
 * @param location where (file and line)
 * @param message what is wrong here, in one sentence naming the workload, value or file
 * @param related other places that belong to the same finding (e.g. the second default StorageClass)
 * @param suppression the accepting entry of {@code .piha-audit.yaml}, if any
 * @since 0.1
 */
public record Finding(Rule rule, Location location, String message, List<Location> related,
        Optional<Suppression> suppression) {

    /** Validates and copies. */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(location, "location");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a finding of " + rule.id() + " needs a message");
        }
        related = List.copyOf(related);
        Objects.requireNonNull(suppression, "suppression");
    }

    /** The rule's severity. */
    public Severity severity() {
        return rule.severity();
    }

    /** The rule's phase. */
    public Phase phase() {
        return rule.phase();
    }

    /** Whether {@code .piha-audit.yaml} accepts this finding. */
    public boolean isSuppressed() {
        return suppression.isPresent();
    }

    /** The same finding, accepted by {@code s}. */
    public Finding suppressedBy(Suppression s) {
        return new Finding(rule, location, message, related, Optional.of(s));
    }
}
