package io.piha.core.node;

/**
 * What a node does now.
 *
 * @since 0.1
 */
public enum NodeRole {
    /** Passive: observing the leader, ready to be promoted. */
    STANDBY,
    /** Active: serving, heartbeating at its epoch. */
    LEADER,
    /** Passive while the service is in maintenance: accepts only a promote addressed to it. */
    MAINTENANCE
}
