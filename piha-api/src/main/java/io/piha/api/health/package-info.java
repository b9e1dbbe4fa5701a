/**
 * Health probes: is a host's process up (as opposed to liveness, which heartbeats show)?
 *
 * @since 0.1
 */
package io.piha.api.health;
