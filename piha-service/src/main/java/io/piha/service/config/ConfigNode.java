package io.piha.service.config;

import io.piha.api.Durations;
import io.piha.api.Secret;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One YAML mapping being read, at a key path. Every read notes the key as known, interpolates
 * {@code ${ENV}}, converts, and on failure records a {@link ConfigProblem} and returns a placeholder
 * (null or empty) so that reading goes on and every problem of the file is reported at once.
 */
final class ConfigNode {

    private final String path;
    private final JsonNode node;
    private final ConfigProblems problems;
    private final Set<String> known = new LinkedHashSet<>();

    ConfigNode(String path, JsonNode node, ConfigProblems problems) {
        this.path = path;
        this.node = node;
        this.problems = problems;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String path() {
        return path;
    }

    ConfigProblems problems() {
        return problems;
    }

    boolean has(String key) {
        known.add(key);
        problems.read(path(key));
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** A key that no longer belongs here: if present, a problem saying where it went (not a key readers know). */
    void moved(String key, String to) {
        if (node.has(key)) {
            known.add(key);
            problems.add(path(key), "moved: write it as " + to, Optional.empty());
        }
    }

    /** A required text value; null (with a problem) if missing, blank or unresolvable. */
    String text(String key) {
        Optional<String> value = optionalText(key);
        if (value.isEmpty() && !problems.hasAt(path(key))) {
            problems.add(path(key), "is required", Optional.empty());
        }
        return value.orElse(null);
    }

    String text(String key, String fallback) {
        return optionalText(key).orElse(fallback);
    }

    /** An optional text value: absent, null or empty after interpolation all mean absent. */
    Optional<String> optionalText(String key) {
        return scalar(key, false);
    }

    Optional<Secret> secret(String key) {
        problems.markSecret(path(key));
        return scalar(key, true).map(Secret::of);
    }

    Secret requiredSecret(String key) {
        Optional<Secret> value = secret(key);
        if (value.isEmpty() && !problems.hasAt(path(key))) {
            problems.add(path(key), "is required", Optional.empty());
        }
        return value.orElse(null);
    }

    Duration duration(String key, Duration fallback) {
        Duration d = convert(key, fallback, ConfigNode::duration);
        if (d != null && (d.isZero() || d.isNegative())) {
            problems.add(path(key), "must be positive", optionalText(key));
            return fallback;
        }
        return d;
    }

    /** The one duration grammar ({@link Durations}), with the message the file's reader needs. */
    static Duration duration(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(DURATION_HINT);
        }
    }

    static final String DURATION_HINT = "not a duration: write " + Durations.FORMS;

    long bytes(String key, long fallback) {
        Long n = convert(key, fallback, Units::bytes);
        return n == null ? fallback : n;
    }

    int integer(String key, int fallback, int min, int max) {
        Integer n = convert(key, fallback, text -> {
            int v;
            try {
                v = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number");
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return v;
        });
        return n == null ? fallback : n;
    }

    boolean flag(String key, boolean fallback) {
        Boolean b = convert(key, fallback, text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        });
        return b == null ? fallback : b;
    }

    /** A required http(s)/mqtt(s)... URL with a host. */
    URI url(String key, List<String> schemes) {
        Optional<URI> uri = optionalUrl(key, schemes);
        if (uri.isEmpty() && !problems.hasAt(path(key))) {
            problems.add(path(key), "is required", Optional.empty());
        }
        return uri.orElse(null);
    }

    Optional<URI> optionalUrl(String key, List<String> schemes) {
        return Optional.ofNullable(convert(key, null, text -> {
            URI uri;
            try {
                uri = new URI(text.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a URL: " + e.getReason());
            }
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("must be a URL with a host and a scheme of " + schemes);
            }
            return uri;
        }));
    }

    /** One of an enum's constants, written in lower case ({@code power_off} for {@code POWER_OFF}). */
    <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        return convert(key, fallback, text -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text.strip().replace('-', '_'))) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("must be one of " + names(type));
        });
    }

    /** The value converted, the fallback if absent, or null with a problem if conversion fails. */
    <T> T convert(String key, T fallback, Function<String, T> conversion) {
        Optional<String> text = optionalText(key);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return conversion.apply(text.get());
        } catch (IllegalArgumentException e) {
            problems.add(path(key), e.getMessage(), text);
            return null;
        }
    }

    /** A nested mapping; empty (with a problem) if present but not a mapping. */
    Optional<ConfigNode> object(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode child = node.get(key);
        if (!child.isObject()) {
            problems.add(path(key), "must be a mapping of keys to values", Optional.of(shape(child)));
            return Optional.empty();
        }
        return Optional.of(new ConfigNode(path(key), child, problems));
    }

    /** A required nested mapping; null (with a problem) if missing. */
    ConfigNode requiredObject(String key) {
        Optional<ConfigNode> child = object(key);
        if (child.isEmpty() && !problems.hasAt(path(key))) {
            problems.add(path(key), "is required", Optional.empty());
        }
        return child.orElse(null);
    }

    /** A list of mappings; empty if absent. */
    List<ConfigNode> list(String key) {
        List<ConfigNode> items = new ArrayList<>();
        if (!has(key)) {
            return items;
        }
        JsonNode array = node.get(key);
        if (!array.isArray()) {
            problems.add(path(key), "must be a list", Optional.of(shape(array)));
            return items;
        }
        for (int i = 0; i < array.size(); i++) {
            String itemPath = path(key) + "[" + i + "]";
            if (array.get(i).isObject()) {
                items.add(new ConfigNode(itemPath, array.get(i), problems));
            } else {
                problems.add(itemPath, "must be a mapping of keys to values", Optional.of(shape(array.get(i))));
            }
        }
        return items;
    }

    /** A list of scalars, interpolated. */
    List<String> stringList(String key) {
        List<String> values = new ArrayList<>();
        if (!has(key)) {
            return values;
        }
        JsonNode array = node.get(key);
        if (!array.isArray()) {
            problems.add(path(key), "must be a list", Optional.of(shape(array)));
            return values;
        }
        for (int i = 0; i < array.size(); i++) {
            String itemPath = path(key) + "[" + i + "]";
            scalarAt(itemPath, array.get(i), false).ifPresent(values::add);
        }
        return values;
    }

    /** A mapping of names to scalars, interpolated, in file order. */
    Map<String, String> stringMap(String key) {
        Map<String, String> values = new LinkedHashMap<>();
        object(key).ifPresent(child -> child.node.fields().forEachRemaining(e ->
                child.scalarAt(child.path(e.getKey()), e.getValue(), false).ifPresent(v -> values.put(e.getKey(), v))));
        return values;
    }

    /** Records a problem at a key of this mapping. */
    void problem(String key, String message, Optional<String> value) {
        problems.add(path(key), message, value);
    }

    /** Reports every key of this mapping that no read asked for. Call after reading all keys. */
    void rejectUnknownKeys() {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add(path(name), "unknown key (known here: " + String.join(", ", known) + ")",
                        Optional.empty());
            }
        });
    }

    private Optional<String> scalar(String key, boolean secret) {
        known.add(key);
        problems.read(path(key));
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || value instanceof MissingNode) {
            return Optional.empty();
        }
        return scalarAt(path(key), value, secret);
    }

    private Optional<String> scalarAt(String at, JsonNode value, boolean secret) {
        if (!value.isValueNode()) {
            problems.add(at, "must be a single value, not a list or mapping",
                    Optional.of(secret ? Secret.REDACTED : shape(value)));
            return Optional.empty();
        }
        return problems.interpolate(at, value.asText()).filter(v -> !v.isEmpty());
    }

    /**
     * What a misplaced value looks like, never what it holds: a list or mapping in the wrong place may carry
     * passwords and keys (e.g. a {@code broker:} written as a list), and its contents must not reach the message.
     */
    static String shape(JsonNode value) {
        if (value.isArray()) {
            return "a list of " + value.size() + (value.size() == 1 ? " item" : " items");
        }
        if (value.isObject()) {
            return "a mapping of " + value.size() + (value.size() == 1 ? " key" : " keys");
        }
        return "a single value";
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }
}
