package io.piha.api.leadership;

import java.util.Locale;

/**
 * How a host takes part in the leadership contract, which decides what the control plane can ask of it and what it
 * takes as evidence.
 *
 * @since 0.1
 */
public enum ParticipantKind {

    /**
     * Home Assistant automations as homes run them today (contract v1): plain heartbeats without epoch, plain
     * {@code promote} taken only while the retained state is empty or {@code standby}, and a leader that
     * republishes {@code leader} by itself, so it cannot be demoted: it must be fenced by power.
     */
    V1,
    /**
     * The PiHA Home Assistant package: epochs, envelope commands addressed to it, {@code demoted} acknowledgements;
     * no lease lifetime and no signatures.
     */
    PACKAGE,
    /** The Java agent: epochs, acknowledgements, leases with a lifetime it honours, signed heartbeats. */
    AGENT;

    /** The name in configuration files: {@code v1}, {@code package} or {@code agent}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a heartbeat shows of its sender: an id is an agent's, an epoch a package's, neither a v1 host's. */
    public static ParticipantKind of(Heartbeat heartbeat) {
        if (heartbeat.id().isPresent()) {
            return AGENT;
        }
        return heartbeat.epoch().isPresent() ? PACKAGE : V1;
    }

    /** Whether it acknowledges a {@code demote} with a {@code demoted} event at its epoch. */
    public boolean acknowledgesDemote() {
        return this != V1;
    }

    /** Whether it stops acting by itself when its lease runs out. */
    public boolean honoursLeases() {
        return this == AGENT;
    }
}
