package io.piha.inventory;

import io.piha.api.inventory.Slug;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Makes valid slugs out of names that came from elsewhere (HomeSeer device and location names).
 *
 * @since 0.1
 */
public final class Slugs {

    private Slugs() {
    }

    /** {@code "Living Room (TV)"} becomes {@code living-room-tv}; a name with no letters or digits becomes {@code fallback}. */
    public static Slug from(String name, String fallback) {
        return withSuffix(name, "", fallback);
    }

    /** Like {@link #from} with {@code -suffix} appended, shortening the name so the suffix always fits. */
    public static Slug withSuffix(String name, String suffix, String fallback) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String base = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        String tail = suffix.isEmpty() ? "" : "-" + suffix;
        if (base.isEmpty()) {
            base = fallback;
        }
        int room = 63 - tail.length();
        if (base.length() > room) {
            base = base.substring(0, room).replaceAll("-+$", "");
        }
        return Slug.of(base + tail);
    }
}
