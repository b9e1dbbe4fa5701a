/**
 * The arbiter: the control plane's leadership decisions for one service. Heartbeat watchdog, verify
 * with a probe, one PoE power-cycle, wait, confirm, fence, then promote at a new epoch; freeze, anti-flap,
 * manual override and return to primary. See {@link io.piha.core.arbiter.ArbiterMachine}.
 *
 * @since 0.1
 */
package io.piha.core.arbiter;
