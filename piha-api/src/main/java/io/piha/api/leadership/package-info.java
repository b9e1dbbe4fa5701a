/**
 * The leadership contract: who leads a service, at which epoch, and the messages that say so.
 *
 * <p>The value types here mirror contract v1 as homes run it today (plain-text state and commands,
 * JSON heartbeats and events) plus the SDK's additive extensions (epochs, leases, command envelopes).
 * Adapters such as {@code piha-mqtt} translate them to and from the wire; nothing here knows a broker.
 *
 * @since 0.1
 */
package io.piha.api.leadership;
