package io.piha.web.internal;

import io.piha.api.inventory.InventoryException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads form fields through the inventory's own value types (Slug, MacAddress, Cidr, the records' constructors),
 * so a field is refused by exactly the rule the CLI and the database apply, and the message is theirs.
 */
final class Checks {

    /** Which field a database rule is about, by the constraint the message names. */
    private static final Map<String, String> CONSTRAINT_FIELDS = Map.of(
            "slug_unique", "slug", "device_mac_unique", "macs", "network_cidr_unique", "cidr",
            "zone_no_cycle", "parent", "zone_parent_same_site", "parent", "device_zone_same_site", "zone",
            "zone_not_own_parent", "parent");

    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    Checks(Map<String, String> values) {
        this.values = values;
    }

    /** The field parsed, or empty with its error noted. */
    <V> Optional<V> field(String name, Function<String, V> parse) {
        try {
            return Optional.of(parse.apply(values.getOrDefault(name, "").strip()));
        } catch (IllegalArgumentException e) {
            errors.put(name, e.getMessage());
            return Optional.empty();
        }
    }

    /** The raw value of a field. */
    String raw(String name) {
        return values.getOrDefault(name, "");
    }

    /** Notes an error of a field. */
    void error(String name, String message) {
        errors.putIfAbsent(name, message);
    }

    boolean ok() {
        return errors.isEmpty();
    }

    Map<String, String> errors() {
        return errors;
    }

    /** The field a refusal by the database is about, if its constraint names one. */
    static Optional<String> fieldOf(InventoryException e) {
        String m = e.getMessage();
        return CONSTRAINT_FIELDS.entrySet().stream().filter(c -> m.contains(c.getKey() + "]"))
                .map(Map.Entry::getValue).findFirst();
    }
}
