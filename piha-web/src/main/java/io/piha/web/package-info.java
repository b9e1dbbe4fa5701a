/**
 * The inventory's web dashboard.
 *
 * @since 0.1
 */
package io.piha.web;
