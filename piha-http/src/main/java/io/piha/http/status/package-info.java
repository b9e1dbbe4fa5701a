/**
 * The control plane's status page: an immutable {@link io.piha.http.status.StatusSnapshot} that the
 * runtime supplies, rendered as HTML, JSON and Prometheus text by a small JDK HTTP server.
 *
 * @since 0.1
 */
package io.piha.http.status;
