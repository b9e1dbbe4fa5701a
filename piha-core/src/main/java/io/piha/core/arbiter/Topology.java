package io.piha.core.arbiter;

import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ParticipantKind;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The two hosts of a service: the preferred primary and the standby that takes over.
 *
 * @param primary the preferred leader (e.g. the HAOS Pi)
 * @param standby the host promoted when the primary fails
 * @param participants how each host takes part, where configured; a host not named here is detected from what it
 *     publishes ({@link ParticipantKind#of(io.piha.api.leadership.Heartbeat)}), and counts as v1 until then
 * @since 0.1
 */
public record Topology(HostId primary, HostId standby, Map<HostId, ParticipantKind> participants) {

    /** @throws IllegalArgumentException if both are the same host, or a participant is not one of them */
    public Topology {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(standby, "standby");
        participants = Map.copyOf(participants);
        if (primary.equals(standby)) {
            throw new IllegalArgumentException("primary and standby must differ, both are " + primary);
        }
        participants.keySet().forEach(h -> {
            if (!h.equals(primary) && !h.equals(standby)) {
                throw new IllegalArgumentException("participant kind given for " + h + ", which is neither "
                        + primary + " nor " + standby);
            }
        });
    }

    /** Primary and standby, their participant kinds detected. */
    public Topology(HostId primary, HostId standby) {
        this(primary, standby, Map.of());
    }

    /** The configured participant kind of a host, if configured. */
    public Optional<ParticipantKind> configured(HostId host) {
        return Optional.ofNullable(participants.get(host));
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
