package io.piha.poe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a switch listens, written one way everywhere (configuration files, the command line, plans):
 * {@code host} or {@code host:port}, with an IPv6 literal in brackets ({@code [fd00::2]:161}). SNMP4J's
 * {@code udp:host/port} is read too. A host name is only checked for its spelling here; it is resolved when
 * the switch is opened ({@link #resolve()}), so a configuration can be loaded while DNS is down.
 *
 * @param host a host name, an IPv4 literal or an IPv6 literal (without brackets)
 * @param port the port, 1-65535
 * @since 0.1
 */
public record SwitchAddress(String host, int port) {

    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::(.*))?");
    private static final Pattern SNMP4J = Pattern.compile("udp:([^/\\s]+)/(.*)");
    private static final Pattern NAME = Pattern.compile("(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** @throws IllegalArgumentException naming the bad host or port */
    public SwitchAddress {
        Objects.requireNonNull(host, "host");
        if (!validHost(host)) {
            throw new IllegalArgumentException("'" + host + "' is not a host name, an IPv4 address or an IPv6 address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
        }
    }

    /**
     * Reads {@code host}, {@code host:port}, {@code [v6]}, {@code [v6]:port} or {@code udp:host/port}.
     *
     * @param defaultPort the port when the text names none (161 for SNMP, 443 for HTTPS)
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static SwitchAddress parse(String text, int defaultPort) {
        String t = Objects.requireNonNull(text, "text").strip();
        try {
            Matcher m = SNMP4J.matcher(t);
            if (m.matches()) {
                return new SwitchAddress(unbracket(m.group(1)), port(m.group(2)));
            }
            m = BRACKETED.matcher(t);
            if (m.matches()) {
                return new SwitchAddress(m.group(1), m.group(2) == null ? defaultPort : port(m.group(2)));
            }
            int colon = t.indexOf(':');
            if (colon >= 0 && colon == t.lastIndexOf(':')) {
                return new SwitchAddress(t.substring(0, colon), port(t.substring(colon + 1)));
            }
            return new SwitchAddress(t, defaultPort);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad address '" + text + "': " + e.getMessage()
                    + "; write host or host:port, e.g. 192.168.1.2:161, switch.lan or [fd00::2]:161", e);
        }
    }

    /**
     * The host's IP address, looked up now.
     *
     * @throws UnknownHostException if the name does not resolve
     */
    public InetAddress resolve() throws UnknownHostException {
        return InetAddress.getByName(host);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static int port(String text) {
        if (!text.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("port '" + text + "' is not a number");
        }
        return Integer.parseInt(text);
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean validHost(String host) {
        if (host.contains(":")) {
            return host.matches("[0-9A-Fa-f:.]+") && host.indexOf(":::") < 0;
        }
        if (IPV4.matcher(host).matches()) {
            for (String part : host.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        return !host.matches("[\\d.]+") && NAME.matcher(host).matches();
    }
}
