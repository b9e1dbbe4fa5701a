package io.piha.inventory;

import io.piha.api.inventory.Slug;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Makes valid slugs out of names that came from elsewhere (HomeSeer device and location names). Letters outside
 * a-z are transliterated, not dropped: {@code ß} becomes {@code ss}, {@code ä ö ü} become {@code ae oe ue} (the
 * German spelling without umlauts), {@code æ œ ø ł đ þ} become {@code ae oe o l d th}, and any other accented
 * letter loses its accent ({@code é} to {@code e}). Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Slugs {

    // letters that have no decomposition into a base letter plus marks, or whose spelling is two letters
    private static final Map<Character, String> SPELLED = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('ẞ', "ss"), Map.entry('ä', "ae"), Map.entry('Ä', "ae"),
            Map.entry('ö', "oe"), Map.entry('Ö', "oe"), Map.entry('ü', "ue"), Map.entry('Ü', "ue"),
            Map.entry('æ', "ae"), Map.entry('Æ', "ae"), Map.entry('œ', "oe"), Map.entry('Œ', "oe"),
            Map.entry('ø', "o"), Map.entry('Ø', "o"), Map.entry('ł', "l"), Map.entry('Ł', "l"),
            Map.entry('đ', "d"), Map.entry('Đ', "d"), Map.entry('ð', "d"), Map.entry('Ð', "d"),
            Map.entry('þ', "th"), Map.entry('Þ', "th"), Map.entry('ı', "i"));

    private Slugs() {
    }

    /** {@code "Living Room (TV)"} becomes {@code living-room-tv}; a name with no letters or digits becomes {@code fallback}. */
    public static Slug from(String name, String fallback) {
        return withSuffix(name, "", fallback);
    }

    /** Like {@link #from} with {@code -suffix} appended, shortening the name so the suffix always fits. */
    public static Slug withSuffix(String name, String suffix, String fallback) {
        String ascii = Normalizer.normalize(spelled(name == null ? "" : name), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
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

    private static String spelled(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        // NFC first, so that an a followed by a combining diaeresis is the one letter the table knows
        for (char c : Normalizer.normalize(name, Normalizer.Form.NFC).toCharArray()) {
            String s = SPELLED.get(c);
            if (s == null) {
                out.append(c);
            } else {
                out.append(s);
            }
        }
        return out.toString();
    }
}
