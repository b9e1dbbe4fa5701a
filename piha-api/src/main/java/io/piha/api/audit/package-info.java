/**
 * The audit trail: every decision with its actor and reason, accepted or refused.
 *
 * @since 0.1
 */
package io.piha.api.audit;
