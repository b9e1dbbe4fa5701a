/**
 * Alerts for people: something happened in the estate that someone should know about.
 *
 * @since 0.1
 */
package io.piha.api.alert;
