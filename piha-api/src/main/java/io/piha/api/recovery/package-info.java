/**
 * Recovery by power: switching a PoE port (or a smart plug) off and on again.
 *
 * <p>{@link io.piha.api.recovery.PoeDriver} is the extension point for new switches; the
 * {@code piha-poe} module ships drivers, the safety layer that wraps them, and the contract kit a
 * new driver must pass.
 *
 * @since 0.1
 */
package io.piha.api.recovery;
