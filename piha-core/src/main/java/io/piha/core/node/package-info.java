/**
 * The node side of leadership: the agent beside each Home Assistant host decides whether to take,
 * keep or give up leadership, from commands, the retained state, the arbiter's lease and the epochs it
 * sees. See {@link io.piha.core.node.NodeMachine}.
 *
 * @since 0.1
 */
package io.piha.core.node;
