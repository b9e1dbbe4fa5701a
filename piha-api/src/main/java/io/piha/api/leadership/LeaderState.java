package io.piha.api.leadership;

import java.util.Locale;
import java.util.Optional;

/**
 * The retained state of a service, as plain text on {@code piha/leader/<service>/state}. An empty or
 * absent retained message means "no leader" and is modelled as {@code Optional.empty()}.
 *
 * @since 0.1
 */
public enum LeaderState {
    /** An instance is active and serving. */
    LEADER("leader"),
    /** Instances are passive and observing. */
    STANDBY("standby"),
    /** A transition is under way (e.g. the primary is booting back); no automatic promotion. */
    MAINTENANCE("maintenance");

    private final String wire;

    LeaderState(String wire) {
        this.wire = wire;
    }

    /** The plain-text form published on the wire. */
    public String wire() {
        return wire;
    }

    /**
     * Parses the wire form, ignoring surrounding white space and case.
     *
     * @return the state, or empty for an empty payload
     * @throws IllegalArgumentException naming the text if it is none of {@code leader}, {@code standby},
     *     {@code maintenance} or empty
     */
    public static Optional<LeaderState> fromWire(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        for (LeaderState s : values()) {
            if (s.wire.equals(t)) {
                return Optional.of(s);
            }
        }
        throw new IllegalArgumentException("unknown leader state '" + text
                + "': expected leader, standby, maintenance or empty");
    }
}
