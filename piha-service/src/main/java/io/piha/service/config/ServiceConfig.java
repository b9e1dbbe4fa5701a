package io.piha.service.config;

import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import io.piha.core.arbiter.FencingMode;
import io.piha.core.arbiter.Topology;
import java.util.Objects;

/**
 * One service whose leadership the control plane arbitrates.
 *
 * @param name the service, e.g. {@code home-assistant}
 * @param primary the preferred leader
 * @param standby the host promoted when the primary fails
 * @param fencing what a failover needs before a new epoch is granted (default power-off)
 * @since 0.1
 */
public record ServiceConfig(ServiceName name, HostId primary, HostId standby, FencingMode fencing) {

    /** @throws IllegalArgumentException if primary and standby are the same host */
    public ServiceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fencing, "fencing");
        new Topology(primary, standby);
    }

    /** The two hosts as the arbiter sees them. */
    public Topology topology() {
        return new Topology(primary, standby);
    }
}
