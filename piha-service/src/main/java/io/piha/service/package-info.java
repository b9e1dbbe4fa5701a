/**
 * The long-running services built from their YAML configuration: the control plane on the NAS and the agent
 * beside each Home Assistant host, plus the switch and broker factories they share.
 *
 * @since 0.1
 */
package io.piha.service;
