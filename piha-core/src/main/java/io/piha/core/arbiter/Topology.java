package io.piha.core.arbiter;

import io.piha.api.leadership.HostId;
import java.util.Objects;

/**
 * The two hosts of a service: the preferred primary and the standby that takes over.
 *
 * @param primary the preferred leader (e.g. the HAOS Pi)
 * @param standby the host promoted when the primary fails
 * @since 0.1
 */
public record Topology(HostId primary, HostId standby) {

    /** @throws IllegalArgumentException if both are the same host */
    public Topology {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(standby, "standby");
        if (primary.equals(standby)) {
            throw new IllegalArgumentException("primary and standby must differ, both are " + primary);
        }
    }

    /** Whether the host is one of the two. */
    public boolean contains(HostId host) {
        return primary.equals(host) || standby.equals(host);
    }

    /**
     * The other host of the pair.
     *
     * @throws IllegalArgumentException if {@code host} is not in this topology
     */
    public HostId other(HostId host) {
        if (primary.equals(host)) {
            return standby;
        }
        if (standby.equals(host)) {
            return primary;
        }
        throw new IllegalArgumentException("unknown host " + host + " (known: " + primary + ", " + standby + ")");
    }
}
