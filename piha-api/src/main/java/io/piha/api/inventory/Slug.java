package io.piha.api.inventory;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A short, URL-safe name, unique within its scope (a site's zones and devices, an organisation's sites).
 *
 * @param value 1-63 of a-z, 0-9 and '-', not starting or ending with '-'
 * @since 0.1
 */
public record Slug(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    /** @throws IllegalArgumentException naming the value if it is not a valid slug */
    public Slug {
        Objects.requireNonNull(value, "slug");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid slug '" + value
                    + "': use 1-63 of a-z, 0-9 and '-', not starting or ending with '-'");
        }
    }

    /** Parses a slug; same as the constructor. */
    public static Slug of(String value) {
        return new Slug(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
