package io.piha.api.recovery;

/**
 * What a driver can do. The contract kit skips the tests of a capability a driver does not declare, and
 * the safety layer picks the safest way to cycle from them.
 *
 * @since 0.1
 */
public enum PoeCapability {
    /** Separate power-off and power-on requests. */
    ON_OFF,
    /** The device cycles the port itself and turns it back on, even if we crash meanwhile. */
    NATIVE_CYCLE,
    /** The port's state can be read back. */
    READ_BACK,
    /** The port or the PSE reports power drawn. */
    POWER_READINGS,
    /** Authenticated and encrypted management (SNMPv3 authPriv, HTTPS). */
    SECURE_TRANSPORT
}
