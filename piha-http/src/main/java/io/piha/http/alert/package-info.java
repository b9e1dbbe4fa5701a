/**
 * Alert sinks for people: a JSON webhook, ntfy, a Home Assistant notify service, and a decorator that
 * groups and rate-limits so a flapping host does not send a hundred messages. Delivery failures are
 * logged and counted, never thrown.
 *
 * @since 0.1
 */
package io.piha.http.alert;
