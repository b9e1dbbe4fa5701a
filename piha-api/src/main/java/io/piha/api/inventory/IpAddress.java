package io.piha.api.inventory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address literal, normalised ({@code 192.168.1.10}, {@code fe80::1}). Never resolves names.
 *
 * @param value the normalised literal
 * @since 0.1
 */
public record IpAddress(String value) {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    /** @throws IllegalArgumentException naming the value if it is not an IP address literal */
    public IpAddress {
        Objects.requireNonNull(value, "ip");
        value = normalise(value.strip(), "IP address");
    }

    /** Parses an address literal; same as the constructor. */
    public static IpAddress parse(String text) {
        return new IpAddress(text);
    }

    /** Whether this is an IPv6 address. */
    public boolean isV6() {
        return value.indexOf(':') >= 0;
    }

    /** The raw address bytes (4 or 16). */
    public byte[] bytes() {
        return literal(value, "IP address").getAddress();
    }

    static String normalise(String text, String what) {
        String host = literal(text, what).getHostAddress();
        return host.indexOf(':') >= 0 ? compress(host) : host;
    }

    private static InetAddress literal(String text, String what) {
        // Checked first so that InetAddress never sees a host name (and never does a DNS lookup).
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = !v4 && text.indexOf(':') >= 0 && IPV6.matcher(text).matches();
        if (!v4 && !v6) {
            throw new IllegalArgumentException("invalid " + what + " '" + text + "': expected an IPv4 or IPv6 literal");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid " + what + " '" + text + "': " + e.getMessage(), e);
        }
    }

    private static String compress(String full) {
        // Java prints 0:0:0:0:0:0:0:1; PostgreSQL and people write ::1. Replace the longest zero run.
        String padded = ":" + full + ":";
        String best = null;
        for (int n = 8; n >= 2 && best == null; n--) {
            String run = ":" + "0:".repeat(n);
            if (padded.contains(run)) {
                best = run;
            }
        }
        if (best == null) {
            return full;
        }
        String out = padded.replaceFirst(Pattern.quote(best), "::");
        out = out.startsWith(":::") ? out.substring(1) : out;
        out = out.endsWith(":::") ? out.substring(0, out.length() - 1) : out;
        if (out.startsWith(":") && !out.startsWith("::")) {
            out = out.substring(1);
        }
        if (out.endsWith(":") && !out.endsWith("::")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    @Override
    public String toString() {
        return value;
    }
}
