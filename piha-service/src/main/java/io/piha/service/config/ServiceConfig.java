package io.piha.service.config;

import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ParticipantKind;
import io.piha.api.leadership.ServiceName;
import io.piha.core.arbiter.FencingMode;
import io.piha.core.arbiter.Topology;
import java.util.Map;
import java.util.Objects;

/**
 * One service whose leadership the control plane arbitrates.
 *
 * @param name the service, e.g. {@code home-assistant}
 * @param primary the preferred leader
 * @param standby the host promoted when the primary fails
 * @param fencing what a failover needs before a new epoch is granted (default power-off)
 * @param participants how the hosts take part, where configured ({@code hosts[].participant})
 * @since 0.1
 */
public record ServiceConfig(ServiceName name, HostId primary, HostId standby, FencingMode fencing,
                            Map<HostId, ParticipantKind> participants) {

    /** @throws IllegalArgumentException if primary and standby are the same host */
    public ServiceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fencing, "fencing");
        participants = Map.copyOf(participants);
        new Topology(primary, standby, participants);
    }

    /** A service whose hosts' participation is detected. */
    public ServiceConfig(ServiceName name, HostId primary, HostId standby, FencingMode fencing) {
        this(name, primary, standby, fencing, Map.of());
    }

    /** The two hosts as the arbiter sees them. */
    public Topology topology() {
        return new Topology(primary, standby, participants);
    }
}
