package io.piha.api.recovery;

/**
 * What can be done to a port's power.
 *
 * @since 0.1
 */
public enum PowerAction {
    /** Switch the port's power off. */
    OFF,
    /** Switch the port's power on. */
    ON,
    /** Switch the port off, wait, and switch it on again. */
    CYCLE
}
