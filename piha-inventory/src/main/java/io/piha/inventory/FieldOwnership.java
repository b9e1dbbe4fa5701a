package io.piha.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which source wins each device field when two disagree. By default a person's edit ({@code manual}) beats
 * HomeSeer ({@code homeseer}), which beats the network scan ({@code scan}), for every field. An importer may
 * overwrite a field only if the field's current owner ranks no higher than the importer; otherwise it keeps
 * the value and writes a {@code keep-field} audit entry. Immutable and thread-safe.
 *
 * <pre>{@code
 * FieldOwnership ownership = FieldOwnership.custom().field("name", "homeseer", "manual", "scan").build();
 * }</pre>
 *
 * @since 0.1
 */
public final class FieldOwnership {

    /** The sources, strongest first, that apply to a field with no rule of its own. */
    public static final List<String> DEFAULT_ORDER = List.of("manual", "homeseer", "scan");

    private static final FieldOwnership DEFAULTS = new FieldOwnership(DEFAULT_ORDER, Map.of());

    private final List<String> defaultOrder;
    private final Map<String, List<String>> perField;

    private FieldOwnership(List<String> defaultOrder, Map<String, List<String>> perField) {
        this.defaultOrder = defaultOrder;
        this.perField = perField;
    }

    /** manual &gt; homeseer &gt; scan for every field. */
    public static FieldOwnership ofDefaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * Whether {@code incoming} may overwrite a field last set by {@code currentOwner}. A source that the
     * field's order does not list ranks below every listed source.
     */
    public boolean mayOverwrite(String field, String currentOwner, String incoming) {
        if (currentOwner == null || currentOwner.equals(incoming)) {
            return true;
        }
        List<String> order = orderOf(field);
        return rank(order, incoming) <= rank(order, currentOwner);
    }

    /** The owners that {@code incoming} may overwrite for this field (itself included). */
    public List<String> overwritableBy(String field, String incoming) {
        List<String> order = orderOf(field);
        return order.stream().filter(owner -> rank(order, incoming) <= rank(order, owner)).toList();
    }

    /** The sources for a field, strongest first. */
    public List<String> orderOf(String field) {
        return perField.getOrDefault(field, defaultOrder);
    }

    private static int rank(List<String> order, String source) {
        int i = order.indexOf(source);
        return i < 0 ? order.size() : i;
    }

    /** Builds a {@link FieldOwnership}; not thread-safe. */
    public static final class Builder {
        private List<String> defaultOrder = DEFAULT_ORDER;
        private final Map<String, List<String>> perField = new HashMap<>();

        private Builder() {
        }

        /**
         * Sets the order, strongest first, for one field ({@code name}, {@code zone}, {@code metadata}).
         *
         * @throws IllegalArgumentException naming the field if no source is given or one repeats
         */
        public Builder field(String field, String... strongestFirst) {
            perField.put(Objects.requireNonNull(field, "field"), validated(field, strongestFirst));
            return this;
        }

        /** Sets the order for fields without a rule of their own. */
        public Builder defaultOrder(String... strongestFirst) {
            defaultOrder = validated("(default)", strongestFirst);
            return this;
        }

        /** The immutable ownership rules. */
        public FieldOwnership build() {
            return new FieldOwnership(defaultOrder, Map.copyOf(perField));
        }

        private static List<String> validated(String field, String... sources) {
            List<String> list = List.of(sources);
            if (list.isEmpty() || list.stream().distinct().count() != list.size()) {
                throw new IllegalArgumentException("ownership of field '" + field + "' needs distinct sources, got "
                        + list);
            }
            return list;
        }
    }
}
