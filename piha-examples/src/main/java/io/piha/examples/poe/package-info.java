/**
 * A sample "third-party" PoE driver, written only against {@code piha-api} and proven with the contract
 * kit ({@code piha-poe-kit}) in its tests: the shape a driver author outside this repository follows.
 *
 * @since 0.1
 */
package io.piha.examples.poe;
