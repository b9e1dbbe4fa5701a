/**
 * Config sync on Git (JGit): {@link io.piha.sync.GitConfigSync} mirrors the primary's branch to the standby
 * branch after the observation window, never while frozen, only by compare-and-swap fast-forward, refusing
 * {@link io.piha.sync.ForbiddenPaths}; {@link io.piha.sync.StandbyCheckout} applies the standby branch on the
 * standby. The MQTT freeze flag and sync events are piha-mqtt's; the service hands them over. See the module
 * README.
 *
 * @since 0.1
 */
package io.piha.sync;
