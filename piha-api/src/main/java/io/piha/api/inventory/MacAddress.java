package io.piha.api.inventory;

import java.util.Locale;
import java.util.Objects;

/**
 * A 48-bit MAC address, normalised to lower-case colon form {@code aa:bb:cc:dd:ee:ff}. Accepts colons,
 * dashes, dots ({@code aabb.ccdd.eeff}) or no separator.
 *
 * @param value the normalised form
 * @since 0.1
 */
public record MacAddress(String value) {

    /** @throws IllegalArgumentException naming the value if it is not a MAC address */
    public MacAddress {
        Objects.requireNonNull(value, "mac");
        String hex = value.strip().replace(":", "").replace("-", "").replace(".", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 12 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("invalid MAC address '" + value + "': expected 12 hex digits");
        }
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        value = sb.toString();
    }

    /** Parses a MAC address in any common notation. */
    public static MacAddress parse(String text) {
        return new MacAddress(text);
    }

    /** Whether the locally-administered bit is set (randomised phone MACs, VMs): such MACs have no vendor. */
    public boolean isLocallyAdministered() {
        return (Integer.parseInt(value.substring(0, 2), 16) & 0x02) != 0;
    }

    /** Whether the multicast bit is set. */
    public boolean isMulticast() {
        return (Integer.parseInt(value.substring(0, 2), 16) & 0x01) != 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
