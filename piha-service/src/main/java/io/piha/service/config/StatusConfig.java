package io.piha.service.config;

import java.util.Objects;

/**
 * Where the status page listens.
 *
 * @param enabled whether to serve it (default true)
 * @param bind the address to bind (default {@code 127.0.0.1}; {@code 0.0.0.0} exposes it to the LAN)
 * @param port the port (default 8470)
 * @since 0.1
 */
public record StatusConfig(boolean enabled, String bind, int port) {

    /** Default bind address: loopback only. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** Default port. */
    public static final int DEFAULT_PORT = 8470;

    /** @throws NullPointerException if the bind address is null */
    public StatusConfig {
        Objects.requireNonNull(bind, "bind");
    }

    /** The defaults. */
    public static StatusConfig defaults() {
        return new StatusConfig(true, DEFAULT_BIND, DEFAULT_PORT);
    }
}
