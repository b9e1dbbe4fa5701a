package io.piha.inventory.homeseer;

import com.fasterxml.jackson.databind.JsonNode;
import io.piha.inventory.internal.DotNetDates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** One device of a {@code getstatus} answer, read field by field; a field HomeSeer did not send is empty. */
final class HsJson {

    private HsJson() {
    }

    /** @throws IllegalArgumentException naming the field and value if a field is not what HomeSeer documents */
    static HsDevice device(JsonNode d) {
        List<Integer> associated = new ArrayList<>();
        d.path("associated_devices").forEach(n -> associated.add(integer(n, "associated_devices")));
        return new HsDevice(integer(d.path("ref"), "ref"), text(d, "name"), text(d, "location"), text(d, "location2"),
                text(d, "device_type_string"), text(d, "interface_name"),
                HsDevice.Relationship.of(d.path("relationship").asInt()), associated, number(d.get("value")),
                text(d, "status"), lastChange(text(d, "last_change")), flag(d.get("hide_from_view")),
                text(d, "UserNote"), bits(d.get("misc")));
    }

    static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static int integer(JsonNode n, String field) {
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.intValue();
        }
        if (n.isTextual() && n.asText().strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(n.asText().strip());
        }
        throw new IllegalArgumentException(field + " '" + n.asText() + "' is not a whole number");
    }

    private static OptionalDouble number(JsonNode v) {
        if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
            return OptionalDouble.empty();
        }
        if (v.isNumber()) {
            return OptionalDouble.of(v.doubleValue());
        }
        try {
            return OptionalDouble.of(Double.parseDouble(v.asText().strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("value '" + v.asText() + "' is not a number", e);
        }
    }

    private static OptionalLong bits(JsonNode v) {
        if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
            return OptionalLong.empty();
        }
        if (v.isIntegralNumber() || v.isTextual() && v.asText().strip().matches("-?\\d{1,18}")) {
            return OptionalLong.of(v.isTextual() ? Long.parseLong(v.asText().strip()) : v.longValue());
        }
        throw new IllegalArgumentException("misc '" + v.asText() + "' is not a whole number");
    }

    private static boolean flag(JsonNode v) {
        return v != null && (v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText().strip()));
    }

    private static Optional<Instant> lastChange(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return DotNetDates.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("last_change " + e.getMessage(), e);
        }
    }
}
