/**
 * Audit of a Flux/k3s Home Assistant repository on disk against the platform seed's rules.
 * {@link io.piha.platform.PlatformAudit} reads the repository and returns an {@link io.piha.platform.AuditReport}
 * of {@link io.piha.platform.Finding}s grouped by the seed's {@link io.piha.platform.Phase}s;
 * {@link io.piha.platform.TextReport}, {@link io.piha.platform.JsonReport} and {@link io.piha.platform.SarifReport}
 * write it. Everything under {@code internal} is implementation. See the module README for the rule table.
 *
 * @since 0.1
 */
package io.piha.platform;
