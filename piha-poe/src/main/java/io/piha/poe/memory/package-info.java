/**
 * A PoE switch in memory, for the {@code simulated} switch type: the control plane without hardware.
 *
 * @since 0.1
 */
package io.piha.poe.memory;
