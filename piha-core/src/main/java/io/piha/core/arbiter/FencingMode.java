package io.piha.core.arbiter;

/**
 * What the arbiter needs before it grants a new epoch in an automatic failover.
 *
 * @since 0.1
 */
public enum FencingMode {
    /** The old leader's port must be switched off and confirmed off (default, safest). */
    POWER_OFF,
    /**
     * The old leader's death confirmed by probes after the power-cycle and wait is enough; the epoch fences
     * it if it comes back. For hosts on plain switches without a driver that can keep a port off.
     */
    CONFIRMED_DEAD
}
