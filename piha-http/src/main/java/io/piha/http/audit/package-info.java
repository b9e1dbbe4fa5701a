/**
 * Audit logs for the runners: a rotating JSON-lines file, SLF4J, and a composite that writes to several.
 *
 * @since 0.1
 */
package io.piha.http.audit;
