package io.piha.core.arbiter;

/**
 * How the arbiter makes sure the old holder no longer acts before it grants a new epoch to another host, on every
 * path (failover, manual or emergency promote, hand-back). Either way, a planned hand-over first asks the old holder
 * to step down and takes its {@code demoted} acknowledgement at the current epoch as proof.
 *
 * @since 0.1
 */
public enum FencingMode {
    /**
     * The old holder's port is switched off and confirmed off when it cannot acknowledge (default, safest). If the
     * switch fails, an agent's lease is waited out; any other host blocks the grant with a CRITICAL alert.
     */
    POWER_OFF,
    /**
     * No switch can fence: the old holder must acknowledge, or be an agent whose lease is waited out (lease plus
     * the clock-skew bound). Time alone never proves a v1 or package host gone: such a grant blocks with a
     * CRITICAL alert until an operator confirms it by hand.
     */
    CONFIRMED_DEAD
}
