package io.piha.api.leadership;

/**
 * Whether a host's agent is connected to the bus. {@code offline} is what the broker publishes for a
 * host whose connection died (its MQTT Last Will): a reason for suspicion, never for promotion by itself.
 *
 * @since 0.1
 */
public enum Availability {
    /** The agent is connected. */
    ONLINE("online"),
    /** The agent disconnected or its connection died. */
    OFFLINE("offline");

    private final String wire;

    Availability(String wire) {
        this.wire = wire;
    }

    /** The plain-text form published on the wire. */
    public String wire() {
        return wire;
    }
}
