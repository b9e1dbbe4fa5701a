package io.piha.http.status;

import java.util.Map;
import java.util.Objects;

/**
 * One counter sample of the control plane since it started: a family of {@link StatusCounters#FAMILIES}, its labels
 * in order, and the count.
 *
 * @param family the metric name, ending in {@code _total}
 * @param labels label names and values, in the order they are written
 * @param value the count; never negative
 * @since 0.1
 */
public record Counter(String family, Map<String, String> labels, long value) {

    /**
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the family is not one the control plane exports, or the value is negative
     */
    public Counter {
        Objects.requireNonNull(family, "family");
        if (!StatusCounters.FAMILIES.containsKey(family)) {
            throw new IllegalArgumentException("unknown counter family '" + family + "': one of "
                    + StatusCounters.FAMILIES.keySet());
        }
        labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        if (value < 0) {
            throw new IllegalArgumentException("counter " + family + " cannot be negative, was " + value);
        }
    }
}
