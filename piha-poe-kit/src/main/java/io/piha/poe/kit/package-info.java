/**
 * The PoE driver contract kit: subclass {@link io.piha.poe.kit.PoeDriverCompatibilityKit} in your driver's
 * tests and provide a {@link io.piha.poe.kit.PoeTestBench}; every shipped driver passes the same tests.
 *
 * @since 0.1
 */
package io.piha.poe.kit;
