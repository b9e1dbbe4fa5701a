package io.piha.platform.internal.yaml;

import io.piha.platform.Location;
import java.util.Objects;
import java.util.Optional;

/**
 * A YAML scalar: its text as written (quotes removed), what kind of value YAML made of it, its local tag
 * ({@code secret} for {@code !secret x}) and where each line of a multi-line value comes from.
 *
 * @param location where the value is written
 * @param text the value, {@code ""} for null
 * @param kind string, number, boolean or null
 * @param tag the local tag without {@code !}, if any
 * @param content where line N of the value comes from (a block scalar starts on the line after its key)
 */
public record YamlScalar(Location location, String text, Kind kind, Optional<String> tag, LineMap content)
        implements YamlNode {

    /** What YAML made of the scalar. */
    public enum Kind {
        /** A string, quoted or plain. */
        STRING,
        /** An integer or a float. */
        NUMBER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** {@code null}, {@code ~} or nothing. */
        NULL
    }

    /** Validates. */
    public YamlScalar {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(content, "content");
    }

    /** A plain string made by code (a rendered value), whose lines all come from {@code location}. */
    public static YamlScalar synthetic(Location location, String text) {
        return new YamlScalar(location, text, Kind.STRING, Optional.empty(), line -> location);
    }

    /** Whether YAML read {@code true}. */
    public boolean isTrue() {
        return kind == Kind.BOOLEAN && text.equalsIgnoreCase("true");
    }

    /** Whether the scalar carries {@code !tag}. */
    public boolean hasTag(String name) {
        return tag.filter(name::equals).isPresent();
    }

    @Override
    public boolean isEmpty() {
        return switch (kind) {
            case NULL -> true;
            case STRING -> text.isEmpty();
            case BOOLEAN -> !text.equalsIgnoreCase("true");
            case NUMBER -> text.matches("[-+]?0*(\\.0*)?");
        };
    }
}
