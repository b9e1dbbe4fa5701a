package io.piha.api.sync;

/**
 * What kind of trouble the control plane saw. Any kind restarts the observation window.
 *
 * @since 0.1
 */
public enum IncidentKind {
    /** Leadership moved from one host to another. */
    FAILOVER,
    /** The leader's heartbeat was not seen within its timeout. */
    HEARTBEAT_MISSED,
    /** A health probe (HTTP ping, supervisor ping) failed. */
    PROBE_FAILURE,
    /** An operator recorded an incident by hand. */
    MANUAL
}
