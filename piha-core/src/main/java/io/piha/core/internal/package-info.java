/**
 * How the machines build their decisions; not an API. Types here may change in any release, as in the HiveMQ
 * client's {@code internal} packages: use {@link io.piha.core.arbiter.ArbiterMachine} and
 * {@link io.piha.core.node.NodeMachine}.
 */
package io.piha.core.internal;
