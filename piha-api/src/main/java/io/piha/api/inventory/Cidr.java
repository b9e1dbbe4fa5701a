package io.piha.api.inventory;

import java.util.Objects;

/**
 * An IP network in CIDR notation, e.g. {@code 192.168.10.0/24}. Host bits must be zero, as PostgreSQL's
 * {@code cidr} type demands.
 *
 * @param address the network address
 * @param prefix the prefix length (0-32 for IPv4, 0-128 for IPv6)
 * @since 0.1
 */
public record Cidr(IpAddress address, int prefix) {

    /** @throws IllegalArgumentException naming the value if the prefix is out of range or host bits are set */
    public Cidr {
        Objects.requireNonNull(address, "address");
        int max = address.isV6() ? 128 : 32;
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("invalid CIDR '" + address + "/" + prefix + "': prefix must be 0-" + max);
        }
        byte[] b = address.bytes();
        for (int bit = prefix; bit < b.length * 8; bit++) {
            if ((b[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException("invalid CIDR '" + address + "/" + prefix
                        + "': host bits are set (did you mean the network address?)");
            }
        }
    }

    /**
     * Parses {@code address/prefix}.
     *
     * @throws IllegalArgumentException naming the text if it is not a CIDR
     */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "cidr");
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("invalid CIDR '" + text + "': expected address/prefix");
        }
        String prefix = text.substring(slash + 1).strip();
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("invalid CIDR '" + text + "': prefix must be a number");
        }
        IpAddress address;
        try {
            address = IpAddress.parse(text.substring(0, slash));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid CIDR '" + text + "': " + e.getMessage(), e);
        }
        return new Cidr(address, Integer.parseInt(prefix));
    }

    /** Whether the address lies inside this network. */
    public boolean contains(IpAddress ip) {
        byte[] net = address.bytes();
        byte[] other = ip.bytes();
        if (net.length != other.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((net[bit / 8] & mask) != (other[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return address + "/" + prefix;
    }
}
