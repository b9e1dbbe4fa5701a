/**
 * Health probes for the control plane: the HAOS supervisor ping, Home Assistant Core's {@code /api/},
 * generic HTTP, TCP connect and MQTT heartbeat freshness. Each has a timeout, measures its latency and
 * answers {@link io.piha.api.health.ProbeResult.Down} or {@link io.piha.api.health.ProbeResult.Unreachable}
 * instead of throwing.
 *
 * @since 0.1
 */
package io.piha.http.probe;
